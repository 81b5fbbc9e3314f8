"""The demo cohorts in Bahasa Indonesia: their themes, summaries and descriptions."""

THEMES = {
    "Flood resilience and water": "ketahanan banjir dan air",
    "Mobility and clean air": "mobilitas dan udara bersih",
    "Digital public services": "layanan publik digital",
    "MSME digitalisation and food prices": "digitalisasi UMKM dan harga pangan",
    "Running incubation and acceleration programmes": "menjalankan program inkubasi dan akselerasi",
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
