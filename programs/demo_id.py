"""The programmes demo in Bahasa Indonesia: programme pages, the 40 policy recommendations and
the pilots' Indonesian texts (``portal.demo_translation``)."""

from events.models import EventPage
from portal.demo_translation import translate_aliases
from programs.models import PolicyRecommendationPage, ProgrammePage

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


# Pilot topics (as programs.pilots.demo.TOPICS, same order): (title, indicator).
PILOT_TOPICS = [
    (
        "Sensor tinggi muka air sungai untuk peringatan dini banjir",
        "menit peringatan sebelum banjir",
    ),
    ("Peringatan sumbatan sampah di pintu air", "sumbatan yang dibersihkan dalam 6 jam"),
    ("Sensor kualitas udara (ISPU) di sekolah", "sekolah dengan pembacaan ISPU langsung"),
    ("Pemesanan uji emisi kendaraan", "uji emisi yang dipesan secara daring"),
    ("Papan harga komoditas pangan di JAKI", "pasar yang melaporkan harga harian"),
    ("Rantai pasok sayuran melalui JAKI", "petani yang berjualan lewat JAKI"),
    ("Penegakan ganjil-genap dengan analitik video", "pelanggaran yang terdeteksi otomatis"),
    ("Pelaporan kerusakan lampu jalan", "lampu LED rusak yang diperbaiki dalam 3 hari"),
    ("Kampanye pengenalan Wi-Fi publik", "warga yang tahu Wi-Fi publik tersedia"),
    ("Pendampingan pembayaran nontunai UMKM", "UMKM yang menerima QRIS"),
    (
        "Saluran pelaporan kekerasan terhadap perempuan dan anak",
        "laporan yang ditangani dalam 24 jam",
    ),
    ("Pemesanan perawatan di rumah bagi warga lanjut usia", "warga lanjut usia yang terdaftar"),
    ("Transportasi aksesibel bagi penyandang disabilitas", "perjalanan yang dipesan"),
    ("Pertanian perkotaan dengan sensor tanah IoT", "hasil panen per petak"),
    ("Dasbor waktu penyelesaian pengaduan", "rata-rata hari penyelesaian pengaduan"),
    ("Integrasi identitas ID-Q untuk layanan kota", "layanan yang menerima ID-Q"),
    ("Pemesanan fasilitas olahraga bagi pemuda", "pemesanan per bulan"),
    ("Kartu perpustakaan digital", "anggota baru"),
    ("Pemetaan kondisi hidran kebakaran", "hidran yang terpetakan"),
    ("Peringatan bencana berbasis lokasi, termasuk banjir", "warga yang terjangkau dalam 10 menit"),
    ("Pelacakan izin bangunan", "izin yang dapat dilacak daring"),
    ("Pemesanan antrean puskesmas", "rata-rata waktu tunggu"),
    ("Jalur wisata QR di Kota Tua", "pengunjung yang memakai jalur wisata"),
    ("Inventaris pohon taman bersama warga peneliti", "pohon yang tercatat"),
    ("Data peringatan dini putus sekolah", "murid yang ditindaklanjuti"),
    ("Permintaan perbaikan rumah susun", "permintaan yang selesai dalam 14 hari"),
    ("Pencocokan kerja bagi lulusan sekolah kejuruan", "lulusan yang tersalurkan"),
    ("Kalender acara budaya di JAKI", "acara yang tercantum"),
    ("Data terbuka pengadaan", "tender yang terbit sebagai data terbuka"),
    ("Peta konsultasi rencana tata ruang", "masukan yang diterima"),
    ("Pelaporan patroli Satpol PP", "laporan dengan lokasi"),
    (
        "Sumur resapan di kampung rawan banjir",
        "sumur resapan yang dipantau",
    ),
    (
        "Papan status rumah pompa Jakarta Utara",
        "rumah pompa yang melapor langsung",
    ),
    (
        "Pemantauan rembesan tanggul laut di Muara Baru",
        "titik rembesan yang dipantau",
    ),
    (
        "Hadiah bank sampah untuk sampah rumah tangga terpilah",
        "bank sampah yang memakai aplikasi",
    ),
    (
        "Penjadwalan kedatangan truk di Bantargebang",
        "rata-rata waktu antre truk",
    ),
    (
        "Waktu kedatangan bus langsung di halte pengumpan TransJakarta",
        "halte dengan waktu kedatangan langsung",
    ),
    (
        "Pelaporan hambatan jalur sepeda",
        "hambatan yang dibersihkan dalam 48 jam",
    ),
    (
        "Panduan parkir di sekitar Blok M",
        "menit untuk menemukan tempat parkir",
    ),
    (
        "Deteksi jalan berlubang dari kamera dasbor bus",
        "lubang jalan yang diperbaiki dalam 7 hari",
    ),
    (
        "Penyeberangan sekolah yang lebih aman dengan analitik lalu lintas",
        "penyeberangan yang sudah ditinjau keselamatannya",
    ),
    (
        "Pendampingan sertifikasi halal untuk pedagang kaki lima",
        "pedagang yang tersertifikasi",
    ),
    (
        "Harga lelang ikan dari Muara Angke",
        "hari lelang dengan harga yang diterbitkan",
    ),
    (
        "Pemesanan studio kreatif di gelanggang remaja",
        "jam studio yang dipesan",
    ),
    (
        "Asisten izin investasi untuk investor asing",
        "pertanyaan yang terjawab tanpa petugas",
    ),
    (
        "Pelaporan jentik nyamuk oleh kader jumantik",
        "rumah yang diperiksa setiap minggu",
    ),
    (
        "Pemantauan tumbuh kembang anak di posyandu",
        "anak yang diukur setiap bulan",
    ),
    (
        "Pelacakan ambulans untuk panggilan darurat 112",
        "menit dari panggilan hingga tiba",
    ),
    (
        "Cek saldo KJP Plus untuk keluarga",
        "pemegang kartu yang mengecek secara daring",
    ),
    (
        "Pengingat sewa rusunawa",
        "sewa yang dibayar tepat waktu",
    ),
    (
        "Pemeriksaan risiko kebakaran di permukiman padat",
        "rumah yang diperiksa",
    ),
    (
        "Papan keterisian tempat pengungsian saat banjir",
        "pengungsian yang melaporkan keterisian",
    ),
    (
        "Kelas keterampilan digital untuk warga lanjut usia",
        "warga yang menyelesaikan kursus",
    ),
    (
        "Klub pemrograman di perpustakaan umum",
        "pelajar yang hadir setiap bulan",
    ),
    (
        "Pemesanan konseling untuk anak muda",
        "sesi yang dipesan",
    ),
    (
        "Digitalisasi arsip pertanahan bersejarah",
        "halaman yang didigitalkan",
    ),
    (
        "Akta kelahiran diantar ke rumah",
        "akta yang diantar dalam 5 hari",
    ),
    (
        "Izin zona pedagang kaki lima",
        "pedagang dengan izin zona",
    ),
    (
        "Usulan musrenbang secara daring",
        "usulan yang diajukan secara daring",
    ),
    (
        "Survei ruang terbuka hijau untuk taman baru",
        "lahan calon yang disurvei",
    ),
    (
        "Pendaftaran pra-keberangkatan pekerja migran",
        "pekerja yang terdaftar sebelum berangkat",
    ),
    (
        "Panen air hujan di atap sekolah negeri",
        "atap sekolah yang memanen air hujan",
    ),
    (
        "Peta kebutuhan bus malam untuk pekerja sif",
        "rute malam yang disesuaikan dengan kebutuhan",
    ),
    (
        "Perpanjangan izin pedagang kaki lima lewat ponsel",
        "izin yang diperpanjang secara daring",
    ),
    (
        "Peringatan stres panas untuk pekerja luar ruang",
        "pekerja yang menerima peringatan panas",
    ),
    (
        "Penjelajah anggaran terbuka untuk kelurahan",
        "anggaran kelurahan yang diterbitkan",
    ),
    (
        "Rute pengumpulan minyak jelantah",
        "liter minyak jelantah yang terkumpul",
    ),
]
DISTRICTS = {
    "central": "Jakarta Pusat",
    "north": "Jakarta Utara",
    "west": "Jakarta Barat",
    "south": "Jakarta Selatan",
    "east": "Jakarta Timur",
    "thousand_islands": "Kepulauan Seribu",
    "city_wide": "seluruh kota",
}


def pilot_texts(number, district, host_agency, lead_name):
    """Indonesian title, summary, problem and solution of the demo pilot ``number``."""
    from partners.demo_id import AGENCY_NAMES

    title, indicator = PILOT_TOPICS[number % len(PILOT_TOPICS)]
    agency = AGENCY_NAMES.get(host_agency, (host_agency, ""))[0]
    return {
        "title_id": title,
        "summary_id": f"{title} di {DISTRICTS.get(district, district)}: uji coba berjangka "
        f"bersama {agency} sebelum diterapkan di seluruh kota.",
        "problem_id": "Saat ini kota belum memiliki informasi yang andal dan tepat waktu untuk "
        f"hal ini: {indicator} belum diukur, dan warga menunggu.",
        "solution_id": f"{lead_name} menjalankan uji coba bersama perangkat daerah, mengukur "
        f"{indicator}, dan melaporkannya secara terbuka.",
    }


THEMES = {
    "Flood resilience and water": "ketahanan banjir dan air",
    "Mobility and clean air": "mobilitas dan udara bersih",
    "Digital public services": "layanan publik digital",
    "MSME digitalisation and food prices": "digitalisasi UMKM dan harga pangan",
}


def cohort_texts(kind, theme):
    """Indonesian summary and description of a demo cohort."""
    if kind == "accelerator":
        summary = (
            f"Tema {THEMES.get(theme, theme)}: angkatan empat bulan di Future City Hub, bersama "
            "mentor, tantangan sandbox perangkat daerah, dan demo day."
        )
    else:
        summary = (
            "Pelatihan enam bulan bagi inkubator, akselerator, dan pusat komunitas yang "
            "mendukung perusahaan rintisan Jakarta."
        )
    description = (
        "Organisasi terpilih bertemu setiap minggu di Future City Hub, bekerja bersama mentor dan "
        "perangkat daerah, lalu mempresentasikan hasil karyanya di akhir program."
    )
    return summary, description


UNITS = {
    "min": "menit",
    "schools": "sekolah",
    "markets": "pasar",
    "farmers": "petani",
    "MSMEs": "UMKM",
    "people": "orang",
    "trips": "perjalanan",
    "days": "hari",
    "services": "layanan",
    "bookings": "pemesanan",
    "members": "anggota",
    "hydrants": "hidran",
    "visitors": "pengunjung",
    "trees": "pohon",
    "pupils": "murid",
    "events": "acara",
    "comments": "masukan",
}
INDICATOR = ("Residents reached", "Warga yang terjangkau")
MILESTONES = {
    "Agreement signed": "Perjanjian ditandatangani",
    "Field test": "Uji lapangan",
    "Evaluation report": "Laporan evaluasi",
}
REASONS = [
    "Perangkat daerah tuan rumah tidak menemukan pos anggaran untuk tahun anggaran berikutnya.",
    "Hasil yang terukur tetap jauh di bawah target setelah perpanjangan.",
    "Sistem tingkat kota yang diadakan perangkat daerah kini memenuhi kebutuhan yang sama.",
    "Perusahaan rintisan pelaksana tutup; tidak ada mitra yang melanjutkan pekerjaannya.",
]
ANSWERS = {
    "accept": "Perangkat daerah menerima rekomendasi ini dan memasukkannya ke rencana kerja tahun "
    "depan.",
    "accept_partially": "Perangkat daerah menerima bagian pertama; sisanya menunggu keputusan "
    "anggaran.",
    "reject": "Perangkat daerah tidak akan menindaklanjuti rekomendasi ini: program yang sudah "
    "ada telah mencakupnya.",
    "implement": "Diterapkan di seluruh kota setelah uji coba di satu wilayah.",
}


def unit(value):
    return UNITS.get(value, value)


def capitalised(text):
    return text[:1].upper() + text[1:]
