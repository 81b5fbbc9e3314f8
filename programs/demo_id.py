"""The programmes demo in Bahasa Indonesia: programme pages, the 40 policy recommendations and
the agencies' answers to them (``portal.demo_translation``). The cohorts' texts are in
``programs/cohorts/demo_id.py``, the pilots' in ``programs/pilots/demo_texts_id.py``."""

from events.models import EventPage
from portal.demo_translation import translate_aliases
from programs.models import PolicyRecommendationPage, ProgrammePage

# The pilots' Indonesian texts live in programs/pilots/demo_texts_id.py; programs.pilots.demo
# still reads them here until it imports them from there.
from programs.pilots.demo_texts_id import (  # noqa: F401
    INDICATOR,
    MILESTONES,
    PILOT_TOPICS,
    REASONS,
    capitalised,
    pilot_texts,
    unit,
)

PROGRAMMES = {
    "smart-change": {
        "title": "Smart Change – Memperkuat Tata Kelola Perkotaan, Kesejahteraan, dan Inovasi di "
        "Jakarta",
        "summary": "Kemitraan kota kembar Jakarta–Berlin untuk digitalisasi, kota cerdas, tata "
        "kelola yang baik, dan kewirausahaan, didanai Uni Eropa, bersama Bangkok.",
        "objectives": [
            "Memperkuat tata kelola perkotaan melalui digitalisasi dan data terbuka",
            "Membangun ekosistem inovasi bagi perusahaan rintisan dan organisasi pendukungnya",
            "Mengubah pertukaran antarkota kembar menjadi kebijakan yang diadopsi kota",
            "Berbagi hasil dengan kota-kota Asia Tenggara melalui kegiatan trilateral bersama "
            "Bangkok",
        ],
        "body": [
            'Didanai program <span lang="en">Partnership for Sustainable Cities</span> dari Uni Eropa '
            'dan didukung Kerja Sama Pembangunan Jerman melalui <span lang="en">Experts Fund for '
            "municipal Partnerships worldwide</span>, "
            "Smart Change mempertemukan Jakarta dan kota kembarnya, Berlin, pada 2019 hingga 2023. "
            "Berlin menempatkan seorang tenaga ahli terintegrasi di Jakarta sejak Februari 2019; "
            "Bangkok bergabung untuk kegiatan trilateral di Asia Tenggara.",
            "Hasilnya: rangkaian Dialog Multipihak dan Kebijakan, pertukaran antarmitra, "
            "konferensi daring tahunan, Future City Hub, Future City Accelerator, Kelas Belajar "
            "Daring Future City, program pelatihan bagi organisasi pendukung start-up, cetak biru "
            "kebijakan Kota Cerdas, serta cetak biru kebijakan kewirausahaan dan inovasi.",
            "Pada September 2023 kedua kota menandatangani Deklarasi Bersama tentang Inovasi dan "
            "Teknologi di Future City Hub.",
        ],
    },
    "future-city-accelerator": {
        "title": "Future City Accelerator",
        "summary": "Akselerator Jakarta bagi perusahaan rintisan yang memecahkan masalah kota "
        "bersama perangkat daerah, di Future City Hub: angkatan empat bulan yang ditutup dengan "
        "demo day.",
        "objectives": [
            "Membantu perusahaan rintisan mengubah masalah kota menjadi layanan yang diadopsi "
            "perangkat daerah",
            "Menghubungkan setiap angkatan dengan tantangan sandbox perangkat daerah",
        ],
        "body": [],
    },
    "digital-government-peer-exchange": {
        "title": "Pertukaran Antarmitra Pemerintahan Digital",
        "summary": "Pertukaran yang lebih kecil dengan jaringan WeGO tentang layanan publik "
        "digital, standar data, dan keamanan siber bagi perangkat daerah.",
        "objectives": [
            "Menyepakati standar bersama untuk layanan digital kota",
            "Belajar dari kota mitra cara mengukur pemanfaatan layanan digital",
        ],
        "body": [
            "Kota-kota mitra membandingkan cara mereka menjalankan layanan publik digital dan "
            "menyepakati beberapa standar praktis yang dapat diadopsi perangkat daerah Jakarta."
        ],
    },
}
CONTACT_ROLE = ("Programme coordinator", "Koordinator program")
CONTACT_ORGANISATION = ("JDCN secretariat", "Sekretariat JDCN")


def _contacts(page):
    contacts = []
    for block in page.team_contacts:
        value = dict(block.value)
        if value.get("role") == CONTACT_ROLE[0]:
            value["role"] = CONTACT_ROLE[1]
        if value.get("organisation") == CONTACT_ORGANISATION[0]:
            value["organisation"] = CONTACT_ORGANISATION[1]
        contacts.append((block.block_type, value))
    return contacts


def _in(page, target):
    return page.get_translation_or_none(target) if page is not None else None


def translate_programmes(index, target):
    """The Indonesian programme pages; the Indonesian events then link to them."""
    pairs = []
    for page in ProgrammePage.objects.child_of(index).filter(slug__in=PROGRAMMES):
        spec = PROGRAMMES[page.slug]
        pairs.append(
            (
                page,
                {
                    "title": spec["title"],
                    "summary": spec["summary"],
                    "objectives": [("objective", text) for text in spec["objectives"]],
                    "body": [("rich_text", "".join(f"<p>{p}</p>" for p in spec["body"]))]
                    if spec["body"]
                    else page.body,
                    "team_contacts": _contacts(page),
                },
            )
        )
    count = translate_aliases(pairs, target)
    for page in ProgrammePage.objects.child_of(index):
        translated = _in(page, target)
        if translated is not None:
            EventPage.objects.filter(locale=target, programme=page).update(programme=translated)
    return count


RECOMMENDATIONS = {
    "Open the river water-level sensor data as a public API": "Membuka data sensor tinggi muka air sungai sebagai API publik untuk peringatan banjir",
    "Send flood early warnings by neighbourhood through JAKI": "Mengirim peringatan dini banjir per permukiman melalui JAKI",
    "Publish floodgate status in real time": "Menerbitkan status pintu air secara langsung saat banjir mengancam",
    "Co-design flood evacuation routes with residents": "Merancang jalur evakuasi banjir bersama warga",
    "A single data governance policy for all provincial agencies": "Satu kebijakan tata kelola data untuk seluruh perangkat daerah",
    "Adopt an open data licence for city datasets": "Menetapkan lisensi data terbuka untuk data kota",
    "Set service-level targets for complaint resolution in JAKI": "Menetapkan target layanan penyelesaian pengaduan di JAKI",
    "Create a regulatory sandbox for urban technology pilots": "Membentuk sandbox regulasi untuk uji coba teknologi perkotaan",
    "Let start-ups sell to the city through innovation procurement": "Membuka pengadaan inovasi agar perusahaan rintisan dapat menjual kepada pemerintah kota",
    "One-stop online licensing for digital start-ups": "Perizinan daring satu pintu bagi perusahaan rintisan digital",
    "A start-up support organisation accreditation scheme": "Skema akreditasi organisasi pendukung start-up",
    "Expand QR payments in traditional markets": "Memperluas pembayaran QR di pasar tradisional",
    "Digital skills vouchers for micro and small enterprises": "Voucer keterampilan digital bagi usaha mikro dan kecil",
    "A city innovation fund matched by private partners": "Dana inovasi kota dengan dana pendamping dari mitra swasta",
    "Promote Jakarta's creative economy start-ups abroad": "Mempromosikan perusahaan rintisan ekonomi kreatif Jakarta ke luar negeri",
    "Integrate the air quality index into school activity planning": "Memadukan indeks kualitas udara dalam perencanaan kegiatan sekolah",
    "Link vehicle emission tests to parking tariffs": "Mengaitkan uji emisi kendaraan dengan tarif parkir",
    "Low-emission zones around the old town": "Kawasan rendah emisi di sekitar Kota Tua",
    "Publish traffic counts as open data": "Menerbitkan data hitungan lalu lintas sebagai data terbuka",
    "Camera-based enforcement of the odd-even plate rule with published statistics": "Penegakan aturan ganjil-genap berbasis kamera dengan statistik yang dipublikasikan",
    "Predictive maintenance for LED street lighting": "Perawatan prediktif untuk lampu jalan LED",
    "Make public Wi-Fi hotspots visible on a city map": "Menampilkan titik Wi-Fi publik di peta kota",
    "Train civil servants in user-centred service design": "Melatih aparatur sipil negara dalam desain layanan yang berpusat pada pengguna",
    "A civic technology curriculum for vocational schools": "Kurikulum teknologi kewargaan untuk sekolah kejuruan",
    "Accessible digital services for people with disabilities": "Layanan digital yang aksesibel bagi penyandang disabilitas",
    "One register for elderly residents' social services": "Satu data terpadu untuk layanan sosial warga lanjut usia",
    "Telemedicine in community health centres": "Telemedisin di puskesmas",
    "Food price transparency across city markets": "Keterbukaan harga pangan di pasar-pasar kota",
    "Support rooftop urban farming with affordable sensors": "Mendukung pertanian atap dengan sensor yang terjangkau",
    "Waste detection cameras at floodgates": "Kamera pendeteksi sampah di pintu air untuk mencegah banjir",
    "Rainwater harvesting in new public buildings": "Panen air hujan di gedung publik baru untuk mengurangi banjir",
    "A policy blueprint for entrepreneurship and innovation": "Cetak biru kebijakan kewirausahaan dan inovasi",
    "Common standards for city service APIs": "Standar bersama untuk API layanan kota",
    "Digital identity for city services": "Identitas digital untuk layanan kota",
    "Share the city's data catalogue with peer cities": "Berbagi katalog data kota dengan kota mitra",
    "Measure the uptake of digital public services by district": "Mengukur pemanfaatan layanan publik digital per wilayah",
    "Community river monitoring with volunteer reports": "Pemantauan sungai oleh komunitas dengan laporan relawan",
    "Groundwater extraction permits online with metering data": "Izin pengambilan air tanah secara daring dengan data meteran",
    "Cybersecurity baseline for provincial agencies": "Standar dasar keamanan siber bagi perangkat daerah",
    "Digital literacy classes in public libraries": "Kelas literasi digital di perpustakaan umum",
}
SUMMARY = (
    "{title}: apa yang perlu diubah perangkat daerah, mengapa, dan cara mengujinya lebih dulu."
)
BODY = [
    "Masalahnya. Rekomendasi “{title}” menjawab kebutuhan yang disampaikan mitra, warga, dan "
    "staf perangkat daerah dalam dialog multipihak dan dialog kebijakan program: kini layanan "
    "bergantung pada langkah manual, data yang tersebar, dan informasi yang terlambat sampai ke "
    "warga.",
    "Rekomendasi kami. Perangkat daerah perlu menetapkan penanggung jawab yang jelas, "
    "menerbitkan data yang sudah dikumpulkan dalam format terbuka, dan menguji perubahan lebih "
    "dulu di satu wilayah bersama warga dan perusahaan rintisan sebelum diperluas ke seluruh kota.",
    "Mengapa penting. Pertukaran antarmitra dengan Berlin dan Bangkok menunjukkan bahwa langkah "
    "serupa mempersingkat waktu tanggap dan meningkatkan kepercayaan ketika hasilnya dibuka untuk "
    "publik.",
    "Langkah berikutnya. Uji coba enam bulan, laporan publik tentang hasilnya, dan keputusan "
    "perluasan pada tahun anggaran berikutnya.",
]
AUTHORS = {
    "Smart Change programme team": "Tim program Smart Change",
    "Digital Government Peer Exchange programme team": (
        "Tim program Pertukaran Antarmitra Pemerintahan Digital"
    ),
}


def recommendation_fields(page, target):
    title = RECOMMENDATIONS.get(page.title)
    if title is None:
        return None
    return {
        "programme": _in(page.programme, target) or page.programme,
        "title": title,
        "summary": SUMMARY.format(title=title)[:400],
        "body": [("rich_text", "".join(f"<p>{p.format(title=title)}</p>" for p in BODY))],
        "authors": AUTHORS.get(page.authors, page.authors),
    }


def translate_recommendations(index, target):
    pairs = []
    for page in PolicyRecommendationPage.objects.child_of(index):
        fields = recommendation_fields(page, target)
        if fields:
            pairs.append((page, fields))
    return translate_aliases(pairs, target)


ANSWERS = {
    "accept": "Perangkat daerah menerima rekomendasi ini dan memasukkannya ke rencana kerja tahun "
    "depan.",
    "accept_partially": "Perangkat daerah menerima bagian pertama; sisanya menunggu keputusan "
    "anggaran.",
    "reject": "Perangkat daerah tidak akan menindaklanjuti rekomendasi ini: program yang sudah "
    "ada telah mencakupnya.",
    "implement": "Diterapkan di seluruh kota setelah uji coba di satu wilayah.",
}
