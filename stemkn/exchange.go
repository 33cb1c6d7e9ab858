package stemkn

// stemExchange is The STEM Exchange of The STEM Alliance (managed by Semta,
// funded by the Education and Training Foundation): not a grant, but a
// platform where employers offer free CPD to the FE and training sector and,
// through The STEM Experience, work experience to people of all ages (seed
// 001). It judges offer documents rather than applications.
func stemExchange() *Scheme {
	const (
		seed    = "\"The STEM Alliance\" evaluation news: The STEM Exchange, The STEM Experience and STEM Engage (Semta; commissioned and funded by The Education and Training Foundation)"
		freeCPD = "This is a fantastic platform for industry and education to work together to offer free CPD opportunities to teachers and tutors who are inspiring the next generation to enter STEM careers."
	)
	return &Scheme{
		ID:        "stem-exchange",
		Title:     "The STEM Exchange",
		Funders:   []string{"Semta (The STEM Alliance)", "The Education and Training Foundation"},
		Kind:      KindOffer,
		Currency:  "GBP",
		Reference: seed,
		Rules: Rules{
			FreeOffer: &OfferKindsRule{Kinds: []string{"cpd"}, Reference: freeCPD},
			Audience: &AudienceRule{Kinds: []string{"cpd"}, Allowed: []string{"fe-college", "private-training-provider", "education-charity"},
				Reference: freeCPD + " The STEM Alliance was commissioned and funded by The Education and Training Foundation, which is owned by the FE and training sector. (CPD offers are for the FE and training sector: FE colleges, private training providers and education charities — SPEC §3.5.)"},
			AgeRange: &OfferKindsRule{Kinds: []string{"work-experience"},
				Reference: "A new feature of The STEM Exchange is The STEM Experience, which allows employers to offer work experience opportunities to people of all ages. (Any ages may be offered; the youngest must be no older than the oldest.)"},
		},
	}
}
