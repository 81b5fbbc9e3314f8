"""The partners demo in Bahasa Indonesia: agency and partner names as the city uses them, and the
sandbox challenges' Indonesian pages (``portal.demo_translation``)."""

from partners.models import ChallengePage, Organisation
from portal.demo_translation import translate_aliases

# English name -> (Indonesian name, the usual short form). Order as partners.demo.AGENCIES.
AGENCY_NAMES = {
    "Bureau of Legal Affairs": ("Biro Hukum", ""),
    "Bureau of Education and Mental Spiritual": ("Biro Pendidikan dan Mental Spiritual", ""),
    "Secretariat of the Jakarta Capital City Council": (
        "Sekretariat DPRD Provinsi DKI Jakarta",
        "",
    ),
    "Inspectorate": ("Inspektorat", ""),
    "Board of Regional Development Planning": ("Badan Perencanaan Pembangunan Daerah", "Bappeda"),
    "Board of Local Finance Management": ("Badan Pengelola Keuangan Daerah", "BPKD"),
    "Board of Personnel Administration": ("Badan Kepegawaian Daerah", "BKD"),
    "Board of Nation Unity and Politics": ("Badan Kesatuan Bangsa dan Politik", "Kesbangpol"),
    "Board of Human Resource Development": ("Badan Pengembangan Sumber Daya Manusia", "BPSDM"),
    "Board of Local Government Owned Enterprise": (
        "Badan Pembinaan Badan Usaha Milik Daerah",
        "BP BUMD",
    ),
    "Board of Procurement of Goods and Services": ("Biro Pengadaan Barang dan Jasa", ""),
    "Board of Regional Disaster Management": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "Board of Regional Asset Management": ("Badan Pengelolaan Aset Daerah", "BPAD"),
    "Board of Local Revenue": ("Badan Pendapatan Daerah", "Bapenda"),
    "Department of Communication, Informatics and Statistics": (
        "Dinas Komunikasi, Informatika dan Statistik",
        "Diskominfotik",
    ),
    "Department of Youth and Sports": ("Dinas Pemuda dan Olahraga", "Dispora"),
    "Department of Health": ("Dinas Kesehatan", "Dinkes"),
    "Department of Education": ("Dinas Pendidikan", "Disdik"),
    "Department of Social Affairs": ("Dinas Sosial", "Dinsos"),
    "Department of Environment": ("Dinas Lingkungan Hidup", "DLH"),
    "Department of City Parks and City Forests": ("Dinas Pertamanan dan Hutan Kota", "Distamhut"),
    "Department of Human Settlements, Spatial Planning and Land": (
        "Dinas Cipta Karya, Tata Ruang dan Pertanahan",
        "Citata",
    ),
    "Department of Public Housing and Residential Areas": (
        "Dinas Perumahan Rakyat dan Kawasan Permukiman",
        "DPRKP",
    ),
    "Department of Highways": ("Dinas Bina Marga", ""),
    "Department of Water Resources": ("Dinas Sumber Daya Air", "SDA"),
    "Department of Manpower, Transmigration and Energy": (
        "Dinas Tenaga Kerja, Transmigrasi dan Energi",
        "Disnakertransgi",
    ),
    "Department of Transportation": ("Dinas Perhubungan", "Dishub"),
    "Department of Tourism and Creative Economy": (
        "Dinas Pariwisata dan Ekonomi Kreatif",
        "Disparekraf",
    ),
    "Department of Food, Marine and Agricultural Security": (
        "Dinas Ketahanan Pangan, Kelautan dan Pertanian",
        "DKPKP",
    ),
    "Department of Cooperatives, SMEs and Trade": (
        "Dinas Koperasi, Usaha Mikro, Kecil dan Menengah serta Perdagangan",
        "PPKUKM",
    ),
    "Department of Fire and Disaster Handling": (
        "Dinas Penanggulangan Kebakaran dan Penyelamatan",
        "Gulkarmat",
    ),
    "Department of Population and Civil Registration": (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dukcapil",
    ),
    "Department of Libraries and Archives": ("Dinas Perpustakaan dan Kearsipan", "Dispusip"),
    "Department of Empowerment, Child Protection and Population Control": (
        "Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk",
        "DPPAPP",
    ),
    "Department of One Stop Services and Investment": (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
    ),
    "Department of Culture": ("Dinas Kebudayaan", "Disbud"),
    "Civil Service Police Unit": ("Satuan Polisi Pamong Praja", "Satpol PP"),
}

# Partners whose name has a usual Indonesian form, and every partner's description.
PARTNER_NAMES = {
    "British Embassy Jakarta": "Kedutaan Besar Inggris di Jakarta",
    "ASEAN Smart Cities Network": "Jaringan Kota Cerdas ASEAN",
    "European Union": "Uni Eropa",
    "Berlin Senate": "Senat Berlin",
    "Bangkok Metropolitan Administration": "Pemerintah Metropolitan Bangkok",
}
DESCRIPTIONS = {
    "Deutsche Gesellschaft für Internationale Zusammenarbeit": "Lembaga kerja sama pembangunan "
    "Jerman yang bekerja bersama pemerintah kota.",
    "British Embassy Jakarta": "Mitra diplomatik dalam dialog kota cerdas jaringan ini.",
    "World e-Governments Organization of Cities and Local Governments": "Asosiasi kota yang "
    "mengembangkan pemerintahan digital.",
    "ASEAN Smart Cities Network": "Platform kolaborasi kota-kota ASEAN.",
    "European Union": "Penyandang dana program Smart Change melalui Partnership for Sustainable "
    "Cities.",
    "Berlin Senate": "Kota kembar Jakarta selama hampir 30 tahun.",
    "Bangkok Metropolitan Administration": "Mitra dalam kegiatan trilateral di Asia Tenggara.",
    "8 Villages Indonesia": "Rantai pasok sayuran melalui aplikasi JAKI.",
    "PT Braga Teknologi Nusantara": "Sistem peringatan berbasis lokasi.",
    "PT Jelajah Data Semesta": "Integrasi aplikasi ID-Q.",
    "PT Generasi Muda Indonesia Utama": "Platform pemesanan kebugaran dan olahraga.",
    "Qlue": "Mitra teknologi pelaporan warga.",
    "Nodeflux": "Analitik video berbasis kecerdasan buatan.",
    "Visionaire": "Analitik video berbasis kecerdasan buatan.",
}


def name_fields(name):
    """The Indonesian fields for the demo organisation called ``name`` (English)."""
    if name in AGENCY_NAMES:
        name_id, short = AGENCY_NAMES[name]
        return {
            "name_id": name_id,
            "short_name": short,
            "description_id": f"<p>Perangkat daerah Provinsi DKI Jakarta: {name_id}.</p>",
        }
    fields = {"name_id": PARTNER_NAMES.get(name, "")}
    if name in DESCRIPTIONS:
        fields["description_id"] = f"<p>{DESCRIPTIONS[name]}</p>"
    return fields


def name_organisations():
    """Fill the Indonesian names of demo organisations that have none yet (idempotent)."""
    for organisation in Organisation.objects.filter(name_id="", description_id=""):
        fields = name_fields(organisation.name)
        if any(fields.values()):
            Organisation.objects.filter(pk=organisation.pk).update(**fields)


# slug -> (title, summary, problem statement, context, data available, expected outcomes,
#          sandbox session title or "")
CHALLENGES = {
    "flood-early-warning": (
        "Peringatan dini banjir yang lebih awal dari sensor sungai dan pintu air",
        "Warga di bantaran sungai perlu peringatan banjir berjam-jam, bukan beberapa menit, "
        "sebelum air datang.",
        "Sensor tinggi muka air di sungai dan pembacaan pintu air dipantau operator, tetapi "
        "peringatan banjir sampai ke permukiman terlambat dan tidak merata.",
        "Banjir datang setiap musim hujan; kini peringatan disebarkan lewat radio, grup pesan, "
        "dan ketua RT/RW.",
        "Tinggi muka air sungai dan status pintu air secara langsung (Katulampa, Depok, Manggarai, "
        "dan lainnya), peta banjir historis.",
        "Cara yang teruji untuk mengubah pembacaan sensor menjadi peringatan dini banjir yang "
        "tepat sasaran dan dipercaya warga.",
        "Sesi sandbox: peringatan dini banjir",
    ),
    "air-quality-ispu": (
        "Agar data kualitas udara (ISPU) mendorong tindakan",
        "Kaitkan indeks kualitas udara dengan uji emisi kendaraan untuk mengurangi hari-hari "
        "dengan polusi terburuk.",
        "Indeks Standar Pencemar Udara (ISPU) terbit setiap hari, tetapi warga jarang mengubah "
        "rencana dan program uji emisi baru menjangkau sedikit kendaraan.",
        "Emisi kendaraan adalah sumber utama polusi; uji emisi wajib bagi sebagian kendaraan.",
        "Pembacaan ISPU dari stasiun pemantauan, hasil uji emisi.",
        "Lebih banyak kendaraan diuji, dan saran jelas yang diikuti warga saat udara buruk.",
        "",
    ),
    "food-prices-markets": (
        "Harga komoditas pangan dan tempat membelinya",
        "Bantu rumah tangga dan pedagang membandingkan harga bahan pokok di pasar-pasar kota.",
        "Harga komoditas dikumpulkan setiap hari tetapi sulit ditemukan dan dibandingkan menurut "
        "lokasi pasar.",
        "Lonjakan harga beras, cabai, dan bawang merah paling dulu memukul rumah tangga "
        "berpenghasilan rendah.",
        "Harga komoditas harian per pasar, lokasi pasar.",
        "Layanan sederhana yang menampilkan harga dan pasar terdekat, dipakai rumah tangga dan "
        "pedagang.",
        "",
    ),
    "floodgate-waste": (
        "Mencegah sampah menyumbat pintu air",
        "Sampah yang menumpuk di pintu air memperlambat aliran dan memperparah banjir.",
        "Petugas membersihkan pintu air secara manual; tidak ada yang tahu lebih awal di mana "
        "sampah mulai menumpuk.",
        "Sampah rumah tangga masuk ke sungai di hulu; membersihkannya butuh petugas dan alat berat.",
        "Gambar kamera pintu air, catatan pembersihan.",
        "Sumbatan terdeteksi lebih awal dan lebih sedikit ton sampah yang mencapai pintu air, "
        "sehingga risiko banjir turun.",
        "Kunjungan lapangan: pintu air Manggarai",
    ),
    "odd-even-enforcement": (
        "Penegakan aturan ganjil-genap yang lebih adil",
        "Tegakkan aturan pelat nomor ganjil-genap secara konsisten tanpa menambah petugas di "
        "jalan.",
        "Pembatasan ganjil-genap diperiksa petugas di beberapa titik saja; kepatuhan turun di "
        "tempat lain.",
        "Aturan ini membatasi mobil pribadi menurut nomor pelat pada hari tertentu di jalan utama.",
        "Hitungan lalu lintas, catatan penindakan, lokasi kamera.",
        "Penegakan yang konsisten dan transparan dengan lebih sedikit petugas di jalan.",
        "",
    ),
    "street-lighting": (
        "Mengetahui mana dari 90.000 lampu jalan yang padam",
        "Deteksi lampu jalan LED yang rusak sebelum warga melaporkannya.",
        "Lebih dari 90.000 lampu jalan LED baru diperbaiki setelah ada keluhan; jalan gelap "
        "tetap gelap berhari-hari.",
        "Kota telah mengganti sebagian besar lampu jalan dengan LED; perawatan direncanakan per "
        "wilayah.",
        "Inventaris dan lokasi lampu, catatan perawatan, keluhan warga.",
        "Kerusakan ditemukan dalam sehari dan diperbaiki lebih cepat.",
        "",
    ),
    "public-wifi-awareness": (
        "Memberi tahu warga bahwa Wi-Fi publik gratis tersedia",
        "69% warga yang disurvei tidak tahu bahwa kota menyediakan Wi-Fi publik.",
        "Titik Wi-Fi publik kurang dimanfaatkan: sebagian besar warga yang disurvei belum pernah "
        "mendengarnya.",
        "Titik akses dipasang di permukiman untuk mempersempit kesenjangan digital.",
        "Lokasi titik akses dan pemakaian harian.",
        "Makin banyak warga yang tahu dan memakai Wi-Fi publik, terutama yang tidak punya "
        "internet di rumah.",
        "",
    ),
    "msme-cashless": (
        "Membawa usaha mikro dan kecil ke ranah daring dan nontunai",
        "Bantu usaha mikro dan kecil berjualan daring dan menerima pembayaran nontunai.",
        "Banyak UMKM masih berjualan luring dan hanya menerima tunai, sehingga kehilangan "
        "pelanggan dan akses kredit.",
        "Kota menjalankan program pendampingan UMKM; pembayaran QR makin meluas.",
        "UMKM terdaftar menurut wilayah dan sektor, keikutsertaan dalam program.",
        "Setahun kemudian, lebih banyak UMKM berjualan daring dan menerima pembayaran nontunai.",
        "",
    ),
    "violence-reporting": (
        "Pelaporan kekerasan terhadap perempuan dan anak yang aman",
        "Permudah korban dan saksi melaporkan kekerasan dan mendapatkan bantuan dengan aman.",
        "Korban kekerasan terhadap perempuan dan anak sering tidak melapor: mereka takut "
        "identitasnya terbuka dan tidak tahu harus ke mana.",
        "Pusat layanan terpadu sudah ada; laporan masuk melalui beberapa kanal.",
        "Statistik kasus yang dianonimkan, lokasi pusat layanan.",
        "Lebih banyak laporan yang cepat mendapat bantuan, dengan privasi korban terlindungi.",
        "Sesi sandbox: kanal pelaporan yang aman",
    ),
    "elderly-disability-services": (
        "Layanan yang menjangkau warga lanjut usia dan penyandang disabilitas",
        "Pastikan warga lanjut usia dan penyandang disabilitas menerima layanan yang menjadi "
        "hak mereka.",
        "Warga lanjut usia dan penyandang disabilitas terlewat dari layanan karena informasi dan "
        "pendaftarannya tidak aksesibel bagi mereka.",
        "Beberapa program memberikan dukungan, masing-masing dengan pendaftarannya sendiri.",
        "Data penerima manfaat (dianonimkan), lokasi layanan.",
        "Informasi dan pendaftaran yang aksesibel, dan lebih banyak warga yang berhak terjangkau.",
        "",
    ),
    "urban-farming-iot": (
        "Pertanian perkotaan dengan IoT",
        "Bantu kebun warga di permukiman panen lebih banyak dengan sensor dan berbagi pengetahuan.",
        "Kebun perkotaan di permukiman kehilangan panen karena masalah penyiraman dan hama yang "
        "terlambat diketahui.",
        "Kelompok tani kota berkebun di atap gedung dan lahan kosong di seluruh kota.",
        "Lokasi kebun perkotaan, catatan panen.",
        "Panen yang lebih tinggi dan stabil dari kebun yang memakai sensor terjangkau.",
        "",
    ),
    "complaint-resolution": (
        "Menyelesaikan pengaduan warga dalam hitungan hari, bukan minggu",
        "Peraturan mewajibkan pengaduan selesai dalam 30 hari; targetnya sekitar 5 hari.",
        "Pengaduan warga butuh berminggu-minggu untuk sampai ke perangkat daerah yang tepat dan "
        "diselesaikan.",
        "Pengaduan masuk melalui kanal-kanal kota dan diteruskan ke perangkat daerah.",
        "Catatan pengaduan dengan waktu dan perangkat daerah.",
        "Waktu penyelesaian turun dari 30 hari sesuai peraturan menjadi sekitar 5 hari.",
        "",
    ),
}
SESSION_TEXT = "Staf perangkat daerah, mitra, dan warga mengerjakan masalah ini bersama."


def _sessions(page, title):
    if not title:
        return page.sandbox_sessions
    sessions = []
    for block in page.sandbox_sessions:
        value = dict(block.value)
        value.update(title=title, description=SESSION_TEXT)
        sessions.append(("session", value))
    return sessions


def translate_challenges(index, target):
    """The Indonesian challenge pages: every demo challenge the table above knows."""
    pairs = []
    for page in ChallengePage.objects.child_of(index).filter(slug__in=CHALLENGES):
        title, summary, *texts, session = CHALLENGES[page.slug]
        fields = {"title": title, "summary": summary}
        for name, text in zip(
            ("problem_statement", "context", "data_available", "expected_outcomes"),
            texts,
            strict=True,
        ):
            fields[name] = f"<p>{text}</p>"
        fields["sandbox_sessions"] = _sessions(page, session)
        pairs.append((page, fields))
    return translate_aliases(pairs, target)
