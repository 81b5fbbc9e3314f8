"""The events demo in Bahasa Indonesia: the ~90 event pages and the hackathon pages get Indonesian
titles, summaries and texts composed from phrase tables (``portal.demo_translation``)."""

from events.models import EventPage, EventType, HackathonPage
from portal.demo_translation import translate_aliases

TOPICS = {
    "flood early warning": "peringatan dini banjir",
    "air quality data": "data kualitas udara",
    "MSME digitalisation": "digitalisasi UMKM",
    "public Wi-Fi uptake": "pemanfaatan Wi-Fi publik",
    "complaint resolution": "penyelesaian pengaduan warga",
    "urban farming with IoT": "pertanian perkotaan dengan IoT",
    "smart street lighting": "penerangan jalan cerdas",
    "open data": "data terbuka",
    "start-up support organisations": "organisasi pendukung start-up",
    "the Jakarta–Berlin partnership": "kemitraan Jakarta–Berlin",
    "digital public services": "layanan publik digital",
    "waste at the floodgates": "sampah di pintu air dan risiko banjir",
    "cashless markets": "pasar nontunai",
    "services for older residents": "layanan bagi warga lanjut usia",
    "mobility and the odd-even rule": "mobilitas dan aturan ganjil-genap",
    "innovation procurement": "pengadaan inovasi",
    "the JAKI super-app": "aplikasi super JAKI",
}
TYPE_TITLES = {
    EventType.POLICY_DIALOGUE: "Dialog kebijakan: {}",
    EventType.PEER_EXCHANGE: "Pertukaran antarmitra Jakarta–Berlin tentang {}",
    EventType.CONFERENCE: "Konferensi daring Smart Change: {}",
    EventType.ONLINE_CLASS: "Kelas daring Future City: {}",
    EventType.WORKSHOP: "Pelatihan bagi organisasi pendukung start-up: {}",
    EventType.SANDBOX: "Sesi sandbox: {}",
    EventType.TALK: "JSCTalks: {}",
    EventType.READING_GROUP: "Kelompok baca: {}",
    EventType.DEMO_DAY: "Demo day Future City Accelerator: {}",
}
KINDS = {
    EventType.POLICY_DIALOGUE: "Dialog kebijakan",
    EventType.PEER_EXCHANGE: "Pertukaran antarmitra",
    EventType.CONFERENCE: "Konferensi",
    EventType.ONLINE_CLASS: "Kelas daring",
    EventType.WORKSHOP: "Pelatihan",
    EventType.SANDBOX: "Sesi sandbox",
    EventType.TALK: "Gelar wicara",
    EventType.READING_GROUP: "Kelompok baca",
    EventType.DEMO_DAY: "Demo day",
}
AGENDA = {"Welcome and context": "Pembukaan dan konteks", "Working session: {}": "Sesi kerja: {}"}
QUESTION = ("Which organisation are you from?", "Dari organisasi mana Anda berasal?")


def _topic(page, english_titles):
    """The (English, Indonesian) topic of a demo event, from its English title."""
    for english, indonesian in TOPICS.items():
        if page.title == english_titles[page.event_type].format(english):
            return english, indonesian
    return None


def _agenda(page, topic, indonesian):
    items = []
    for block in page.agenda:
        value = dict(block.value)
        title = value.get("title", "")
        if title == "Welcome and context":
            value["title"] = AGENDA[title]
        elif title == f"Working session: {topic}":
            value["title"] = AGENDA["Working session: {}"].format(indonesian)
        items.append((block.block_type, value))
    return items


def _questions(page):
    questions = []
    for block in page.registration_questions:
        value = dict(block.value)
        if value.get("question") == QUESTION[0]:
            value["question"] = QUESTION[1]
        questions.append((block.block_type, value))
    return questions


def event_fields(page, english_titles):
    """Indonesian fields for a demo event page, or None for an event the tables do not know."""
    found = _topic(page, english_titles)
    if found is None:
        return None
    topic, indonesian = found
    kind = EventType(page.event_type)
    return {
        "title": TYPE_TITLES[kind].format(indonesian),
        "summary": f"Mitra, perangkat daerah, dan warga membahas {indonesian}: apa yang sudah "
        "berhasil dan apa yang perlu dicoba berikutnya.",
        "description": f"<p>{KINDS[kind]} jaringan ini tentang {indonesian}, bersama pembicara "
        "dari Jakarta dan kota-kota mitra.</p>",
        "agenda": _agenda(page, topic, indonesian),
        "registration_questions": _questions(page),
    }


def translate_events(index, target, english_titles):
    pairs = []
    for page in EventPage.objects.child_of(index):
        fields = event_fields(page, english_titles)
        if fields:
            pairs.append((page, fields))
    return translate_aliases(pairs, target)


# Hackathon pages: summaries by English summary, and the shared texts.
HACKATHON_SUMMARIES = {
    "Start-ups and citizens built products for problems posed by Jakarta's agencies.": (
        "Perusahaan rintisan dan warga membangun produk untuk masalah dari perangkat daerah "
        "Jakarta, termasuk peringatan dini banjir."
    ),
    "Registration is open: form a team and pick a track.": (
        "Pendaftaran dibuka: bentuk tim dan pilih jalur."
    ),
    "The projects are in: vote for your favourite in the People's Choice before voting closes.": (
        "Proyek sudah masuk: pilih favorit Anda dalam Pilihan Publik sebelum pemungutan suara "
        "ditutup."
    ),
}
DESCRIPTION = (
    "<p>Perangkat daerah DKI Jakarta mengajukan masalah nyata; tim membangun produk yang "
    "berfungsi selama akhir pekan hackathon dan mempresentasikannya kepada juri di Future City "
    "Hub.</p>"
)
RULES = (
    "<p>Tim terdiri atas dua sampai lima orang. Kode ditulis selama hari-hari hackathon; pustaka "
    "sumber terbuka boleh dipakai. Satu proyek per tim. Pengiriman ditutup pada tenggat, waktu "
    "Jakarta.</p>"
)
ELIGIBILITY = (
    "<p>Terbuka bagi penduduk Indonesia, mahasiswa, dan perusahaan rintisan. Pegawai pemerintah "
    "boleh menjadi mentor tetapi tidak ikut berlomba.</p>"
)
FAQ = [
    ("Apakah saya perlu tim?", "Ya, minimal dua orang. Cari tim di daftar tim."),
    (
        "Siapa pemilik kodenya?",
        "Tim Anda. Pilih lisensi terbuka jika ingin perangkat daerah mengadopsinya.",
    ),
    (
        "Bolehkah saya mengubah proyek setelah mengirimnya?",
        "Boleh sampai tenggat, sesudahnya tidak.",
    ),
]
TRACKS = {"Open innovation": ("Inovasi terbuka", "Masalah Jakarta apa pun di luar jalur lain.")}
AWARDS = {"People's Choice": "Pilihan Publik", "Winner: {}": "Pemenang: {}"}
PEOPLE = {"Jury member": "Anggota juri", "Mentor": "Mentor"}


def _localise_tracks(page):
    """The Indonesian page's own tracks point at the Indonesian challenges."""
    tracks = list(page.tracks.all())
    for track in tracks:
        if track.challenge is not None:
            track.challenge = (
                track.challenge.get_translation_or_none(page.locale) or track.challenge
            )
            track.save(update_fields=["challenge"])
    page.tracks = tracks


def translate_hackathons(index, target):
    pairs = []
    for page in HackathonPage.objects.child_of(index):
        if page.summary not in HACKATHON_SUMMARIES:
            continue
        fields = {
            "summary": HACKATHON_SUMMARIES[page.summary],
            "description": DESCRIPTION,
            "rules": RULES,
            "eligibility": ELIGIBILITY,
            "faq": [("faq", {"question": q, "answer": a}) for q, a in FAQ],
        }
        pairs.append((page, fields))
    return translate_aliases(pairs, target, prepare=_localise_tracks)
