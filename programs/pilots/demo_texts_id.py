"""The demo pilots in Bahasa Indonesia: each topic's title and indicator (in the order of
``programs.pilots.demo_core_topics.TOPICS``), the districts, the indicators' units, milestones
and the reasons a pilot was discontinued. The rest of the programmes demo's Indonesian is in
``programs/demo_id.py``."""

# Pilot topics (as programs.pilots.demo_core_topics.TOPICS, same order): (title, indicator).
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


def unit(value):
    return UNITS.get(value, value)


def capitalised(text):
    return text[:1].upper() + text[1:]
