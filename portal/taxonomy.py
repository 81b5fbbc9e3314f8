"""Reference data for the shared taxonomy, in English and Bahasa Indonesia.

Loaded by a data migration (so every deployment has it) and kept in one place so tests, the
admin and documentation agree on the six pillars and the 17 SDGs.
"""

# (slug, English name, Indonesian name, English description, Indonesian description)
PILLARS = [
    (
        "smart-governance",
        "Smart Governance",
        "Tata Kelola Cerdas",
        "Open, data-driven and responsive public administration.",
        "Pemerintahan yang terbuka, berbasis data, dan responsif.",
    ),
    (
        "smart-economy",
        "Smart Economy",
        "Ekonomi Cerdas",
        "Entrepreneurship, MSME digitalisation and innovation.",
        "Kewirausahaan, digitalisasi UMKM, dan inovasi.",
    ),
    (
        "smart-mobility",
        "Smart Mobility",
        "Mobilitas Cerdas",
        "Safe, efficient and clean transport for everyone.",
        "Transportasi yang aman, efisien, dan bersih untuk semua.",
    ),
    (
        "smart-environment",
        "Smart Environment",
        "Lingkungan Cerdas",
        "Clean air and water, flood resilience and waste management.",
        "Udara dan air bersih, ketahanan banjir, dan pengelolaan sampah.",
    ),
    (
        "smart-people",
        "Smart People",
        "Masyarakat Cerdas",
        "Skills, inclusion and civic participation.",
        "Keterampilan, inklusi, dan partisipasi warga.",
    ),
    (
        "smart-living",
        "Smart Living",
        "Kehidupan Cerdas",
        "Health, safety, housing and quality of life.",
        "Kesehatan, keamanan, perumahan, dan kualitas hidup.",
    ),
]

# (number, English name, Indonesian name, official colour)
SDGS = [
    (1, "No Poverty", "Tanpa Kemiskinan", "#E5243B"),
    (2, "Zero Hunger", "Tanpa Kelaparan", "#DDA63A"),
    (3, "Good Health and Well-being", "Kehidupan Sehat dan Sejahtera", "#4C9F38"),
    (4, "Quality Education", "Pendidikan Berkualitas", "#C5192D"),
    (5, "Gender Equality", "Kesetaraan Gender", "#FF3A21"),
    (6, "Clean Water and Sanitation", "Air Bersih dan Sanitasi Layak", "#26BDE2"),
    (7, "Affordable and Clean Energy", "Energi Bersih dan Terjangkau", "#FCC30B"),
    (8, "Decent Work and Economic Growth", "Pekerjaan Layak dan Pertumbuhan Ekonomi", "#A21942"),
    (
        9,
        "Industry, Innovation and Infrastructure",
        "Industri, Inovasi dan Infrastruktur",
        "#FD6925",
    ),
    (10, "Reduced Inequalities", "Berkurangnya Kesenjangan", "#DD1367"),
    (11, "Sustainable Cities and Communities", "Kota dan Permukiman yang Berkelanjutan", "#FD9D24"),
    (
        12,
        "Responsible Consumption and Production",
        "Konsumsi dan Produksi yang Bertanggung Jawab",
        "#BF8B2E",
    ),
    (13, "Climate Action", "Penanganan Perubahan Iklim", "#3F7E44"),
    (14, "Life Below Water", "Ekosistem Lautan", "#0A97D9"),
    (15, "Life on Land", "Ekosistem Daratan", "#56C02B"),
    (
        16,
        "Peace, Justice and Strong Institutions",
        "Perdamaian, Keadilan dan Kelembagaan yang Tangguh",
        "#00689D",
    ),
    (17, "Partnerships for the Goals", "Kemitraan untuk Mencapai Tujuan", "#19486A"),
]


def load_taxonomy(Locale, Pillar, SustainableDevelopmentGoal):
    """Create or update both locales' rows; safe to run repeatedly (used by a migration)."""
    import uuid

    en, _ = Locale.objects.get_or_create(language_code="en")
    id_, _ = Locale.objects.get_or_create(language_code="id")
    for order, (slug, name_en, name_id, desc_en, desc_id) in enumerate(PILLARS):
        source = Pillar.objects.filter(slug=slug, locale=en).first()
        key = source.translation_key if source else uuid.uuid4()
        for locale, name, desc in ((en, name_en, desc_en), (id_, name_id, desc_id)):
            Pillar.objects.update_or_create(
                slug=slug,
                locale=locale,
                defaults={
                    "name": name,
                    "description": desc,
                    "sort_order": order,
                    "translation_key": key,
                },
            )
    for number, name_en, name_id, colour in SDGS:
        source = SustainableDevelopmentGoal.objects.filter(number=number, locale=en).first()
        key = source.translation_key if source else uuid.uuid4()
        for locale, name in ((en, name_en), (id_, name_id)):
            SustainableDevelopmentGoal.objects.update_or_create(
                number=number,
                locale=locale,
                defaults={"name": name, "colour": colour, "translation_key": key},
            )


def localised_names(request=None):
    """The taxonomy in the reader's language, as every public list and page shows it::

        {"pillars": [(slug, name)], "pillar_names": {translation_key: name},
         "sdgs": [(number, "1. No Poverty")], "sdg_names": {translation_key: name}}

    Kept in the frame cache (portal/cache.py) per language: the filter forms and badges of
    every page read it, and it changes only when an editor renames a pillar.
    """
    from django.utils import translation
    from wagtail.models import Locale

    from portal.cache import frame_cached
    from portal.models import Pillar, SustainableDevelopmentGoal

    def build():
        locale = Locale.get_active()
        pillars = list(Pillar.objects.filter(locale=locale))
        sdgs = list(SustainableDevelopmentGoal.objects.filter(locale=locale))
        return {
            "pillars": [(p.slug, p.name) for p in pillars],
            "pillar_names": {p.translation_key: p.name for p in pillars},
            "sdgs": [(g.number, str(g)) for g in sdgs],
            "sdg_names": {g.translation_key: g.name for g in sdgs},
        }

    return frame_cached(request, f"taxonomy:{translation.get_language()}", build)
