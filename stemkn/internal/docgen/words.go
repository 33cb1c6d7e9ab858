package docgen

// Word lists for realistic documents. Names include the letters real
// applicants have (Zoë, Siân, Nguyễn, Łukasz, عائشة), so text handling is
// tested on ordinary documents and not only on hostile ones.

var firstNames = []string{"Asha", "Tom", "Zoë", "Siân", "Mohammed", "Aoife", "Łukasz", "Priya", "Oluwaseun", "Chloé",
	"Eilidh", "Dafydd", "Hannah", "Jamal", "Marta", "Nguyễn Văn", "Sørina", "Ayşe", "Björn", "عائشة", "Rhiannon", "Kwame", "Li", "Ana-María"}

var surnames = []string{"Patel", "Reid", "O'Connor", "Jones", "Hussain", "Ní Bhriain", "Kowalski", "Smith-Brown", "Adeyemi",
	"Lefèvre", "MacLeod", "ap Rhys", "Khan", "García", "Thompson", "Øvergaard", "Yılmaz", "Müller", "Nakamura", "van der Berg"}

var places = []string{"Calder Valley", "Hemel Hempstead", "Tyneside", "Bristol", "Leeds", "Salford", "Cornwall", "Norfolk",
	"Milton Keynes", "Bradford", "Stoke", "Plymouth", "Hull", "Ipswich", "Brent", "Ealing", "Sunderland", "Wirral", "Dudley", "Ceredigion"}

var networkWords = []string{"Maths in STEM Network", "STEM Partnership", "Science and Engineering Network", "Enthuse Partnership",
	"Primary STEM Network", "Technology Teachers' Network", "STEM Knowledge Network", "PD Centres Network"}

var idStems = []string{"ccs", "hps", "lead", "tyne", "sfc", "fe", "acad", "pdc", "uni", "st-marys", "oak", "riverside", "hill"}

var areaPhrases = []string{
	"Graphs and algebra taught consistently across maths, science and D&T in KS3",
	"Using data loggers to link practical science with data handling in mathematics",
	"Careers links in Year 9 schemes of work for science and technology",
	"Transition from primary to secondary in working scientifically",
	"Proportional reasoning in chemistry calculations and in mathematics lessons",
	"Coding and electronics clubs and their effect on classroom practice",
}

var localIssues = []string{
	"Low attainment in GCSE science among boys in the town's three estates",
	"Few girls choose A level physics or mathematics in the partnership's schools",
	"Weak progression in working scientifically between KS2 and KS3",
	"Primary teachers lack confidence to teach science practically",
}

var reflections = []string{
	"Lesson-study cycle each half term, written up jointly",
	"Teachers keep reflective journals and meet termly to compare them",
	"Peer observation with a shared protocol, then a written reflection",
	"Practitioner enquiry reviewed at each network meeting",
}

var activityTitles = []string{"Joint planning", "Lesson study round one", "Data logging workshop", "Visit to the local water works",
	"STEM club showcase", "Dissemination event", "Network meeting", "Practitioner research write-up", "Coaching session", "Transnational meeting in Utrecht"}

var lineDescriptions = []string{"Release for six half-days", "Data loggers", "Travel to network meetings", "Room hire for training",
	"Coaching by a STEM specialist", "Printing of the report", "Sensors and microcontrollers", "Transnational meeting costs"}

var partnerNames = []string{"STEM Ambassador hub", "University of Leeds School of Education", "Yorkshire Water", "Royal Society of Chemistry", "Local enterprise partnership"}

var contributions = []string{"STEM Ambassadors for clubs", "Research support for lesson study", "Site visits for students", "Resources and speakers"}

var offerTitles = []string{"Advanced manufacturing site visit", "Work shadowing in our design office", "Phone advice on industry standards",
	"Internal training on PLC programming", "Workshop: composites in aerospace", "Summer placement in our laboratories"}

var offerDescriptions = []string{"A day on site with our apprentices and engineers.", "Tutors join our internal course on robotics.",
	"Two weeks in the laboratory alongside our analysts.", "An afternoon workshop for FE tutors on the latest materials."}
