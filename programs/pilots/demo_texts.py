"""What each of the 67 demo pilots says: its own summary, problem and solution, by title, so
that no two pilots read alike (titles from ``demo_core_topics.TOPICS`` and ``demo_topics.MORE_TOPICS``).
"""

TEXTS = {
    "River water-level sensors for flood early warning": (
        "Ultrasonic sensors on the Ciliwung and Pesanggrahan send water levels every minute, so kelurahan get a warning before the water arrives.",
        "Floodgate readings reach the command centre by phone calls from the gatekeepers, often after the water has risen downstream.",
        "Solar-powered sensors at twelve gauges publish levels to the agency dashboard and push alerts through JAKI to residents of the river banks.",
    ),
    "Waste blockage alerts at floodgates": (
        "Cameras at floodgates spot floating waste piling up and call a cleaning crew before it blocks the flow.",
        "Plastic and household waste block the trash racks within hours of heavy rain, and crews learn about it only when water backs up.",
        "Image recognition on existing CCTV raises a ticket for the nearest crew, and each clearance is logged with a photo.",
    ),
    "Air quality (ISPU) sensors at schools": (
        "Low-cost sensors in school yards show the air-quality index (ISPU) so teachers can keep pupils indoors on bad-air days.",
        "The city's reference stations are few and far from most schools, so head teachers decide on outdoor activities without data.",
        "Calibrated sensors at 120 schools report PM2.5 every ten minutes to the agency's open map and to a display in each school.",
    ),
    "Vehicle emissions test booking": (
        "Car and motorbike owners book an emissions test online instead of queueing at the workshop.",
        "Long queues at the few certified workshops keep owners from the mandatory test before it is enforced in low-emission zones.",
        "A booking calendar for certified workshops, with the result sent straight to the agency's emissions register.",
    ),
    "Food commodity price board in JAKI": (
        "Daily prices of rice, chilli, shallots and eggs from traditional markets, shown in JAKI.",
        "Residents and traders hear of price spikes late, and the agency collects market prices on paper once a week.",
        "Market officers enter prices on a phone each morning; JAKI shows the board and flags unusual rises to the agency.",
    ),
    "Vegetable supply chain through JAKI": (
        "Farmers from West Java sell vegetables to Jakarta households through JAKI, with fewer middlemen.",
        "Farmers receive a small share of the retail price, and households pay more for produce that travels through several traders.",
        "An order channel in JAKI pools neighbourhood orders, and a weekly delivery route links farmer groups to pick-up points in RW halls.",
    ),
    "Odd-even plate enforcement with video analytics": (
        "Cameras read number plates on odd-even roads so officers no longer check cars by hand.",
        "Manual checks at a few junctions catch only a small share of violations and slow traffic further.",
        "Licence-plate recognition on existing traffic cameras feeds the electronic ticketing system, with an officer confirming each case.",
    ),
    "Street-lighting fault reporting": (
        "Residents report a dark street light with a photo, and the repair crew sees it on a map.",
        "Faulty lights stay dark for weeks because reports arrive by letter or social media and are not tracked.",
        "Reports from JAKI are matched to the light-pole register and assigned to district crews with a three-day target.",
    ),
    "Public Wi-Fi awareness campaign": (
        "Posters, RT meetings and a finder map tell residents where the free JakWiFi hotspots are.",
        "Many free hotspots in kampungs are hardly used because residents do not know they exist or how to connect.",
        "A campaign with RT leaders and a hotspot finder in JAKI, measured by connections per hotspot before and after.",
    ),
    "MSME cashless payments onboarding": (
        "Field coaches help small shops and warung accept QRIS payments.",
        "Many micro businesses still take cash only and lose customers who pay by phone.",
        "Coaches visit shops with the banks' onboarding teams, register QRIS on the spot and follow up after a month.",
    ),
    "Violence against women and children reporting line": (
        "A confidential line in JAKI and by WhatsApp that routes reports of violence to the nearest integrated service unit.",
        "Victims do not know where to turn, and reports that reach different offices are not followed up in one place.",
        "One case register for the integrated service units, with response deadlines and trained counsellors on call.",
    ),
    "Home-care booking for the elderly": (
        "Families book home visits by carers and nurses for elderly relatives who live alone.",
        "Older residents who cannot travel miss check-ups, and social workers have no overview of who needs visits.",
        "A booking service run with the agency's social workers, with visit notes shared with the local puskesmas.",
    ),
    "Accessible transport for people with disabilities": (
        "Wheelchair users book door-to-door rides that connect to accessible TransJakarta stations.",
        "Many stations are accessible, but getting there from home is not, so wheelchair users rarely travel.",
        "Bookable accessible vehicles for the first and last kilometre, with trips planned together with the bus service.",
    ),
    "Urban farming with IoT soil sensors": (
        "Soil-moisture sensors tell kampung farming groups when to water their plots.",
        "Urban farms on vacant lots waste water and lose harvests because watering is guessed.",
        "Sensors and a simple phone app for twenty farming groups, with harvests weighed and reported each month.",
    ),
    "Complaint resolution time dashboard": (
        "A public dashboard shows how fast each agency resolves residents' complaints.",
        "Complaints through CRM channels are answered at very different speeds, and nobody sees which agencies lag.",
        "Open data from the complaint system, shown per agency and district and reviewed in the monthly leadership meeting.",
    ),
    "ID-Q identity integration for city services": (
        "Residents sign in to city services with their ID-Q digital identity instead of a new account each time.",
        "Every online service asks for its own account and copies of the ID card, which residents find tiresome and risky.",
        "ID-Q sign-in added to 25 services, with the population register confirming identity behind the scenes.",
    ),
    "Sports facility booking for youth": (
        "Young people book city-owned futsal courts and sports halls online.",
        "Courts are booked through personal contacts, so many stand empty while others are double-booked.",
        "An online calendar for the agency's facilities, with free slots reserved for school and youth clubs.",
    ),
    "Digital library cards": (
        "Residents join the city libraries with a digital card and borrow e-books from home.",
        "Joining a library means visiting in person with paperwork, so few young adults are members.",
        "Sign-up in JAKI with a digital card that works for printed and e-book loans across city libraries.",
    ),
    "Fire hydrant condition mapping": (
        "Firefighters map and test every hydrant, so crews know which ones work before an emergency.",
        "Crews arrive at fires to find hydrants buried, dry or missing from the old paper maps.",
        "A mobile survey app for inspection teams, with results on the dispatch map and repair requests to the water utility.",
    ),
    "Location-based disaster alerts": (
        "Residents in the path of a flood or fire get an alert on their phone within minutes.",
        "Warnings go out on social media and loudspeakers and reach many residents late or not at all.",
        "Alerts drawn as areas on a map and sent through JAKI and SMS to everyone registered or present in the area.",
    ),
    "Building permit tracking": (
        "Applicants follow their building permit (PBG) step by step online, like a parcel.",
        "Applicants call or visit the office repeatedly to learn where their file is.",
        "Each step of the permit workflow is published to a tracking page, with a notice when documents are missing.",
    ),
    "Puskesmas queue booking": (
        "Patients take a queue number for the puskesmas from home and arrive when it is their turn.",
        "Patients wait for hours in crowded waiting rooms, often from before opening time.",
        "Online queue numbers in JAKI with an estimated call time, linked to the puskesmas registration desk.",
    ),
    "Tourism QR trails in the old town": (
        "QR codes along Kota Tua tell the stories of the buildings in Indonesian and English.",
        "Visitors walk past historic buildings without knowing their history, and guided tours are few.",
        "A trail of 40 QR signs with short texts and audio, and visitor counts shared with the agency.",
    ),
    "Park tree inventory with citizen scientists": (
        "Volunteers record species, size and health of trees in city parks with a phone app.",
        "The parks agency has no complete register of its trees, so pruning and replanting are planned blind.",
        "Training days for volunteer groups, an app that checks each entry, and an open map of every recorded tree.",
    ),
    "School dropout early-warning data": (
        "Attendance and grade data flag pupils at risk of dropping out, so schools can reach the family early.",
        "Pupils leave school without anyone noticing until the next enrolment count.",
        "A monthly risk list for head teachers from existing school data, with home visits recorded by counsellors.",
    ),
    "Public housing maintenance requests": (
        "Tenants of public rental flats report leaks and broken lifts and follow the repair online.",
        "Maintenance requests are written in a book at the management office and often lost.",
        "A request form in JAKI for each block, routed to the management unit with a 14-day target.",
    ),
    "Job matching for vocational graduates": (
        "Graduates of vocational schools and training centres are matched to job openings from local employers.",
        "Employers cannot find trained workers while many graduates stay unemployed for months.",
        "A matching service fed by training records and employer vacancies, with follow-up calls after placement.",
    ),
    "Cultural events calendar in JAKI": (
        "Every cultural performance, exhibition and festival in city venues, in one calendar in JAKI.",
        "Events are announced only on each venue's own social media, and audiences miss them.",
        "Venues enter their programmes once; the calendar feeds JAKI and the tourism website.",
    ),
    "Procurement open data": (
        "Tenders, winners and contract values of city procurement published as open data.",
        "Procurement information sits in separate systems and PDF files that the public cannot search.",
        "A daily export from the e-procurement system to Satu Data Jakarta in the Open Contracting format.",
    ),
    "Spatial plan consultation map": (
        "Residents comment on the draft detailed spatial plan directly on a map of their neighbourhood.",
        "Public consultations on zoning reach few residents, and written comments are hard to tie to a place.",
        "An online map of the draft plan where each comment is pinned to a plot and answered by the planners.",
    ),
    "Civil service police patrol reporting": (
        "Satpol PP patrols record each action with a location and photo instead of a paper report.",
        "Patrol reports are typed up days later, so the unit cannot see where officers were needed.",
        "A patrol app with location, photo and category, and a weekly map for the unit's planning.",
    ),
    "Infiltration wells in flood-prone kampungs": (
        "RT volunteers check that infiltration wells still absorb rainwater and report those that are clogged.",
        "Thousands of wells were built to reduce run-off, but nobody knows how many still work.",
        "A register of wells with a monthly check by volunteers, and cleaning requests to the sub-district water crews.",
    ),
    "Pump station status board for North Jakarta": (
        "A live board shows which pumps in North Jakarta are running, idle or broken during heavy rain.",
        "Pump operators report by radio, and the agency cannot see at a glance where pumping capacity is missing.",
        "Power and water-level meters at 60 stations feed one board used by the operators and the flood command post.",
    ),
    "Sea-wall seepage monitoring in Muara Baru": (
        "Sensors along the coastal wall in Muara Baru detect seepage before it becomes a breach.",
        "Land subsidence weakens the sea wall, and seepage is found only when water appears in homes.",
        "Moisture and tilt sensors at 45 points, inspected alongside the agency's quarterly survey.",
    ),
    "Waste bank rewards for sorted household waste": (
        "Households earn points at waste banks for sorted plastic, paper and metal, redeemable for groceries.",
        "Most household waste goes unsorted to the landfill, and waste banks keep their records on paper.",
        "An app for waste-bank operators records each deposit, pays points and reports tonnages to the agency.",
    ),
    "Truck arrival scheduling at Bantargebang": (
        "Garbage trucks get a time slot at the Bantargebang landfill instead of queueing for hours.",
        "Trucks wait in long lines at the landfill gate, burning fuel and missing their next collection round.",
        "Arrival slots booked by each depot, gate cameras confirming arrivals, and a daily report on queue time.",
    ),
    "Live bus arrival times at TransJakarta feeder stops": (
        "Screens and JAKI show when the next feeder bus arrives at stops outside the busway corridors.",
        "At feeder stops passengers wait without knowing if a bus is coming, and many give up for a motorbike taxi.",
        "Bus GPS data turned into arrival predictions for 250 stops, on low-power screens and in JAKI.",
    ),
    "Bike-lane obstruction reporting": (
        "Cyclists report parked cars and vendors blocking bike lanes, and officers clear them.",
        "Bike lanes are often blocked, which keeps new cyclists off the road.",
        "Reports with a photo and location go to the transport agency's field officers, with a 48-hour target.",
    ),
    "Parking guidance around Blok M": (
        "Signs and an app show free parking spaces around Blok M, so drivers stop circling.",
        "Drivers looking for parking add to congestion around the shopping district.",
        "Cameras count free spaces in public car parks and on-street bays and publish them every minute.",
    ),
    "Pothole detection from bus dashcams": (
        "Cameras on buses spot potholes on their routes and report them for repair.",
        "Road damage is found by occasional surveys or after accidents.",
        "Dashcam images analysed after each shift, with each pothole mapped and sent to the highways crews.",
    ),
    "Safer school crossings with traffic analytics": (
        "Traffic cameras near schools measure speeds and near-misses so crossings can be redesigned.",
        "Children cross busy roads at school times, and the agency lacks evidence to choose where to act first.",
        "Video analytics at 40 crossings for a term, followed by speed humps or signals where the data show the risk.",
    ),
    "Halal certification guidance for street-food vendors": (
        "Coaches help street-food vendors through the free halal certification scheme.",
        "Many vendors want the certificate but give up on the paperwork.",
        "Step-by-step guidance in WhatsApp and coaching sessions at the agency's SME centres.",
    ),
    "Fish auction prices from Muara Angke": (
        "Prices at the Muara Angke fish auction published daily for fishers and traders.",
        "Small-scale fishers sell without knowing the day's prices and get less than the catch is worth.",
        "Auction clerks enter prices as lots are sold; a public board and a daily message share them.",
    ),
    "Creative studio booking at youth centres": (
        "Young creators book recording, photo and design studios in city youth centres.",
        "Well-equipped studios in youth centres stand idle because booking happens by phone during office hours.",
        "An online calendar with short induction videos, and usage reports for the agency.",
    ),
    "Investment permit assistant for foreign investors": (
        "An online assistant explains which permits a foreign investor needs in Jakarta, in English and Indonesian.",
        "Investors send the same questions by e-mail and wait days for an officer's answer.",
        "A guided question flow built on the licensing rules, handing complex cases to an officer with the answers so far.",
    ),
    "Mosquito larvae reporting by jumantik volunteers": (
        "Jumantik volunteers record larvae checks of each house on a phone, so dengue hot spots show up early.",
        "Weekly larvae checks are recorded on paper forms, and the data reach the health office weeks later.",
        "A simple app for volunteers with an offline mode, and a weekly map for puskesmas fogging and outreach.",
    ),
    "Child growth monitoring at posyandu": (
        "Posyandu cadres record children's height and weight on a tablet, flagging stunting risks.",
        "Growth records are kept in paper books, and children falling behind are spotted late.",
        "Tablets for cadres in 300 posyandu, with growth charts and referrals to the puskesmas nutrition team.",
    ),
    "Ambulance tracking for 112 emergency calls": (
        "Dispatchers see every ambulance on a map and send the nearest one to a 112 call.",
        "Ambulances are assigned by phone, often not the nearest one, and callers cannot be told when help arrives.",
        "GPS trackers in ambulances linked to the 112 dispatch screen, with arrival times recorded for each call.",
    ),
    "KJP Plus balance check for families": (
        "Families check their KJP Plus education allowance balance and payments in JAKI.",
        "Parents queue at bank branches just to learn whether the allowance has been paid.",
        "A balance and payment history view in JAKI, using the bank's data under the agency's agreement.",
    ),
    "Rent reminders for public rental flats": (
        "Tenants of rusunawa get reminders and can pay rent by bank transfer or QRIS.",
        "Arrears build up because tenants forget due dates and paying means a trip to the office.",
        "Monthly reminders by WhatsApp with payment links, and an overview of arrears for each block manager.",
    ),
    "Fire-risk checks in dense kampung housing": (
        "Fire officers and RT leaders check electrical wiring and gas cylinders in dense neighbourhoods.",
        "Most house fires in dense kampungs start from faulty wiring that nobody inspects.",
        "A checklist app for joint visits, with free repairs arranged for the homes most at risk.",
    ),
    "Shelter occupancy board during floods": (
        "During floods, a board shows how full each evacuation shelter is and what it still needs.",
        "Evacuees arrive at full shelters while others stand half empty, and supplies go to the wrong places.",
        "Shelter coordinators update occupancy and needs from a phone; the board is public and used by the logistics team.",
    ),
    "Digital skills classes for older residents": (
        "Free classes teach older residents to use JAKI, video calls and mobile banking safely.",
        "Many older residents cannot use online services and are easy targets for phone scams.",
        "Weekly classes in RW halls run with volunteer tutors, using the agency's course material.",
    ),
    "Coding clubs in public libraries": (
        "After-school coding clubs for pupils in city libraries, led by volunteer mentors.",
        "Pupils outside the best schools have few chances to learn programming.",
        "Monthly club sessions with laptops lent by the library and mentors from local tech companies.",
    ),
    "Counselling booking for young people": (
        "Young people book a free, confidential session with a counsellor online.",
        "Young people who need help do not know where to go, and walk-in services are far away.",
        "An online booking service with trained counsellors in youth centres and a chat option for a first contact.",
    ),
    "Digitising historic land records": (
        "Old land and building records in the city archives are scanned and indexed.",
        "Fragile paper records are hard to find and at risk of being lost, slowing land disputes and permits.",
        "Scanning in the archive's reading room with an index that officers and researchers can search.",
    ),
    "Birth certificates delivered to the door": (
        "Parents apply for a birth certificate online and receive it by post.",
        "Parents take time off work to visit the civil registry office, sometimes more than once.",
        "Online applications checked by the registry and printed certificates sent by courier within five days.",
    ),
    "Street-vendor zone permits": (
        "Street vendors apply for a spot in designated vending zones and show a digital permit.",
        "Vendors on pavements face repeated evictions while designated zones stay half empty.",
        "An online zone permit with a QR code that patrol officers can check on their phones.",
    ),
    "Musrenbang proposals online": (
        "Residents submit and follow their neighbourhood's development proposals for the Musrenbang online.",
        "Proposals from RW meetings are collected on paper, and residents never learn what became of them.",
        "An online form for each RW and a public tracker showing which proposals were funded.",
    ),
    "Green open space survey for new parks": (
        "A field survey rates vacant plots as candidates for new neighbourhood parks.",
        "The city needs more green open space, but candidate plots are chosen without comparable data.",
        "A survey app scoring access, size and ownership of each plot, shared with the land and parks agencies.",
    ),
    "Pre-departure registration for migrant workers": (
        "Jakarta residents going abroad to work register before departure and get safety information.",
        "Migrant workers leave through unofficial channels without knowing their rights, and the city cannot help them later.",
        "Online registration with the agency, a pre-departure briefing and a contact for help while abroad.",
    ),
    "Rooftop rain harvesting at public schools": (
        "Gutters and tanks on school roofs keep rainwater for toilets and gardens, and hold back some of the run-off in a storm.",
        "School roofs send every storm straight into drains that already overflow, while the schools buy water in the dry season.",
        "Tanks with level sensors at 150 schools; the agency sees how much water each stores before and after heavy rain.",
    ),
    "Night bus demand map for shift workers": (
        "Anonymous trip requests from shift workers show where night buses are needed, so routes follow real demand.",
        "Night routes were drawn years ago, and factory and hospital workers finishing late walk or pay for motorbike taxis.",
        "A request form in JAKI and at workplaces feeds a demand map; the agency adjusts twelve night routes each quarter.",
    ),
    "Street vendor permit renewal by phone": (
        "Street vendors renew their trading permit from a phone instead of a day at the district office.",
        "Renewal takes a day away from the stall and several visits, so many vendors trade with lapsed permits.",
        "A guided form with photo upload and payment by e-wallet; officers approve in the back office and the permit arrives by message.",
    ),
    "Heat-stress alerts for outdoor workers": (
        "Parking attendants, street sweepers and builders get an alert when heat and humidity reach dangerous levels.",
        "Outdoor workers have no warning of dangerous heat, and heat illness is noticed only when someone collapses.",
        "Weather data and a heat index trigger alerts by text message and loudspeaker at depots, with water and shade points listed.",
    ),
    "Open budget explorer for kelurahan": (
        "Residents see what their kelurahan plans to spend and what it spent, in plain words and charts.",
        "Kelurahan budgets are published as scanned tables few residents can read, so questions come only after the money is spent.",
        "The planning agency's budget data feeds an explorer per kelurahan, with each line linked to the project it pays for.",
    ),
    "Used cooking oil collection routes": (
        "Households and warung hand in used cooking oil at collection points on a route planned by the day's demand.",
        "Used oil poured into drains clogs them and pollutes the rivers, and collectors skip areas where too little is gathered.",
        "Drop-off points report their fill levels; a planner builds the collectors' daily route and the oil goes to biodiesel makers.",
    ),
}
