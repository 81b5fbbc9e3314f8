"""The 40 demo policy recommendations: (title, pillar slugs, SDG numbers, target agencies).

The first 32 come from the Smart Change programme (2020 to 2023), the rest from the second
programme. Agencies are named as in partners.demo.AGENCIES.
"""

WATER = "Department of Water Resources"
COMMS = "Department of Communication, Informatics and Statistics"
ENV = "Department of Environment"
TRANSPORT = "Department of Transportation"
SMES = "Department of Cooperatives, SMEs and Trade"
INVEST = "Department of One Stop Services and Investment"
PLANNING = "Board of Regional Development Planning"
HEALTH = "Department of Health"
EDUCATION = "Department of Education"
SOCIAL = "Department of Social Affairs"
DISASTER = "Board of Regional Disaster Management"
HR = "Board of Human Resource Development"
TOURISM = "Department of Tourism and Creative Economy"
HIGHWAYS = "Department of Highways"
FOOD = "Department of Food, Marine and Agricultural Security"
PROCUREMENT = "Board of Procurement of Goods and Services"

SMART_CHANGE = [
    (
        "Open the river water-level sensor data as a public API",
        ["smart-environment"],
        [6, 11],
        [WATER, COMMS],
    ),
    (
        "Send flood early warnings by neighbourhood through JAKI",
        ["smart-environment", "smart-governance"],
        [11, 13],
        [WATER, DISASTER, COMMS],
    ),
    ("Publish floodgate status in real time", ["smart-environment"], [11], [WATER]),
    (
        "Co-design flood evacuation routes with residents",
        ["smart-environment", "smart-living"],
        [11, 13],
        [DISASTER, WATER],
    ),
    (
        "A single data governance policy for all provincial agencies",
        ["smart-governance"],
        [16, 17],
        [COMMS, PLANNING],
    ),
    ("Adopt an open data licence for city datasets", ["smart-governance"], [9, 16], [COMMS]),
    (
        "Set service-level targets for complaint resolution in JAKI",
        ["smart-governance"],
        [16],
        [COMMS],
    ),
    (
        "Create a regulatory sandbox for urban technology pilots",
        ["smart-governance", "smart-economy"],
        [9, 17],
        [PLANNING, INVEST],
    ),
    (
        "Let start-ups sell to the city through innovation procurement",
        ["smart-economy"],
        [8, 9],
        [PROCUREMENT, INVEST],
    ),
    ("One-stop online licensing for digital start-ups", ["smart-economy"], [8, 9], [INVEST]),
    (
        "A start-up support organisation accreditation scheme",
        ["smart-economy"],
        [8, 17],
        [SMES, INVEST],
    ),
    ("Expand QR payments in traditional markets", ["smart-economy"], [8, 10], [SMES, FOOD]),
    (
        "Digital skills vouchers for micro and small enterprises",
        ["smart-economy", "smart-people"],
        [4, 8],
        [SMES, HR],
    ),
    ("A city innovation fund matched by private partners", ["smart-economy"], [9, 17], [PLANNING]),
    ("Promote Jakarta's creative economy start-ups abroad", ["smart-economy"], [8], [TOURISM]),
    (
        "Integrate the air quality index into school activity planning",
        ["smart-environment", "smart-people"],
        [3, 4],
        [ENV, EDUCATION],
    ),
    (
        "Link vehicle emission tests to parking tariffs",
        ["smart-environment", "smart-mobility"],
        [3, 11],
        [ENV, TRANSPORT],
    ),
    (
        "Low-emission zones around the old town",
        ["smart-mobility", "smart-environment"],
        [3, 11],
        [TRANSPORT, ENV],
    ),
    ("Publish traffic counts as open data", ["smart-mobility"], [9, 11], [TRANSPORT, COMMS]),
    (
        "Camera-based enforcement of the odd-even plate rule with published statistics",
        ["smart-mobility"],
        [11, 16],
        [TRANSPORT],
    ),
    ("Predictive maintenance for LED street lighting", ["smart-environment"], [7, 11], [HIGHWAYS]),
    (
        "Make public Wi-Fi hotspots visible on a city map",
        ["smart-people", "smart-governance"],
        [9, 10],
        [COMMS],
    ),
    (
        "Train civil servants in user-centred service design",
        ["smart-people", "smart-governance"],
        [4, 16],
        [HR],
    ),
    ("A civic technology curriculum for vocational schools", ["smart-people"], [4, 8], [EDUCATION]),
    (
        "Accessible digital services for people with disabilities",
        ["smart-living"],
        [10],
        [SOCIAL, COMMS],
    ),
    ("One register for elderly residents' social services", ["smart-living"], [3, 10], [SOCIAL]),
    ("Telemedicine in community health centres", ["smart-living"], [3], [HEALTH]),
    (
        "Food price transparency across city markets",
        ["smart-economy", "smart-living"],
        [2, 12],
        [FOOD, SMES],
    ),
    (
        "Support rooftop urban farming with affordable sensors",
        ["smart-environment", "smart-living"],
        [2, 11],
        [FOOD, ENV],
    ),
    ("Waste detection cameras at floodgates", ["smart-environment"], [6, 12], [WATER, ENV]),
    ("Rainwater harvesting in new public buildings", ["smart-environment"], [6, 13], [WATER]),
    (
        "A policy blueprint for entrepreneurship and innovation",
        ["smart-economy", "smart-governance"],
        [8, 9, 17],
        [PLANNING, INVEST, SMES],
    ),
]

SECOND = [
    ("Common standards for city service APIs", ["smart-governance"], [9, 16], [COMMS]),
    ("Digital identity for city services", ["smart-governance"], [16], [COMMS]),
    (
        "Share the city's data catalogue with peer cities",
        ["smart-governance"],
        [17],
        [COMMS, PLANNING],
    ),
    (
        "Measure the uptake of digital public services by district",
        ["smart-governance"],
        [10, 16],
        [PLANNING],
    ),
    (
        "Community river monitoring with volunteer reports",
        ["smart-environment", "smart-people"],
        [6, 11],
        [WATER, ENV],
    ),
    (
        "Groundwater extraction permits online with metering data",
        ["smart-environment"],
        [6],
        [WATER, INVEST],
    ),
    ("Cybersecurity baseline for provincial agencies", ["smart-governance"], [9, 16], [COMMS, HR]),
    ("Digital literacy classes in public libraries", ["smart-people"], [4, 10], [EDUCATION, HR]),
]

BODY = [
    "The problem. {title} responds to a need that partners, residents and agency staff raised "
    "in the programme's multi-stakeholder and policy dialogues: today the service depends on "
    "manual steps, scattered data and information that reaches residents late.",
    "What we recommend. The agency should set a clear owner, publish the data it already "
    "collects in an open format, and test the change first in one district with residents and "
    "start-ups before scaling it city-wide.",
    "Why it matters. Peer-to-peer exchanges with Berlin and Bangkok showed that comparable "
    "measures cut response times and raised trust when results were published openly.",
    "Next steps. A pilot of six months, a public report of its results, and a decision on "
    "scaling in the following budget year.",
]
