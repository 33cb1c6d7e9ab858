package stemkn

import "github.com/stemkn/stemkn/eligibility"

// builtinSchemes are the schemes of the built-in catalogue, one for each
// programme in the source documents, in the order `stemkn schemes` lists
// them. Each call returns fresh values, so callers may not change another
// catalogue's schemes.
func builtinSchemes() []*Scheme {
	return []*Scheme{stemKN2011(), enthuse2014(), enthuse2022(), stemPDNet2016(), stemExchange()}
}

// commitmentNames are the six STEM Knowledge Networks commitments, by field name.
var commitmentNames = []string{"practitionerResearch", "minimumOneTerm", "structuredApproach", "submitReport", "attendDissemination", "shareOnline"}

// stemKN2011 is the STEM Knowledge Networks call of the National STEM
// Centre and the NCETM, closing Monday 10 January 2011 (seed 000).
func stemKN2011() *Scheme {
	const seed = "STEM Knowledge Networks, National STEM Centre with the NCETM, call for networks (deadline extended to Monday 10 January 2011)"
	return &Scheme{
		ID:        "stem-kn-2011",
		Title:     "STEM Knowledge Networks",
		Funders:   []string{"National STEM Centre", "National Centre for Excellence in the Teaching of Mathematics (NCETM)"},
		Kind:      KindApplication,
		Currency:  "GBP",
		Reference: seed,
		Themes: []Theme{
			{ID: "common-content", Title: "Coordinating the teaching of common content areas in the STEM curriculum across a year group/key stage"},
			{ID: "careers-links", Title: "Embedding links to STEM career opportunities within schemes of work for STEM subjects"},
			{ID: "learner-experiences-subjects", Title: "Exploring the different experiences of learners in different STEM subjects"},
			{ID: "primary-secondary", Title: "Exploring the STEM experiences of learners at primary and secondary level"},
			{ID: "maths-skills", Title: "Exploring the role of specific mathematics skills (e.g. algebra, data handling) in Science, Technology and Engineering"},
			{ID: "stem-centre-resources", Title: "The use of the National STEM Centre resource collections to support collaborative STEM teaching and learning"},
			{ID: "ict-collaboration", Title: "Using ICT to encourage collaboration between STEM subjects"},
			{ID: "events-clubs-impact", Title: "Exploring the impact of STEM events/clubs on teachers' practice in the classroom"},
		},
		Categories: []Category{
			{ID: "supply-cover", Title: "Supply cover"},
			{ID: "resources", Title: "Resources"},
			{ID: "travel", Title: "Travel"},
			{ID: "venue", Title: "Venue"},
			{ID: "other", Title: "Other"},
		},
		Rules: Rules{
			Theme:          &TextRule{Reference: "The National STEM Centre and the NCETM have identified a list of focus areas for STEM KNs to help you identify an appropriate project for your school or college."},
			AreaOfInterest: &TextRule{Reference: "STEM Knowledge Networks must: have a specific area of interest."},
			Reflection:     &TextRule{Reference: "STEM Knowledge Networks must: involve reflection on teachers' professional practice during the lifetime of the project."},
			SubjectSpread: &CountRule{Min: 2,
				Reference: "STEM Knowledge Networks must: involve colleagues from across STEM subject areas. (Taken as members' subjects spanning at least 2 of science, technology, engineering and mathematics.)"},
			Institutions: []InstitutionRule{{
				ID: "fundedInstitutions", Applies: "funded", Kinds: []string{"school", "college"},
				Classes: eligibility.MaintainedClasses, EnglandOnly: true, WhenFunded: true,
				Title: "The lead institution, and every institution that receives money, is a maintained school or college in England",
				Who:   "maintained schools and colleges in England", Does: "receive STEM Knowledge Networks funding",
				Reference: "Please note that this funding is only available to maintained schools and colleges in England.",
			}},
			Commitments: &CommitmentRule{Required: commitmentNames, WhenFunded: true,
				Reference: "If you apply for funding you must be prepared, collectively, to do the following: engage in practitioner research or teacher enquiry into one of the key topic areas; commit to a programme of activity over a period of at least one term; use a structured approach to group activity within your network; submit a report of your activity; be willing to send at least one member of the network to a dissemination event; share your report and any resources developed during the project online."},
			Duration: &DurationRule{MinWeeks: 12, WhenFunded: true,
				Reference: "commit to a programme of activity over a period of at least one term. (One term is taken as 12 weeks, counted inclusively from the start date to the end date.)"},
			Deadline:   &DeadlineRule{Date: "2011-01-10", Reference: "DEADLINE EXTENDED TO MONDAY 10 JANUARY … Please apply … by Monday 10th January."},
			Categories: &TextRule{Reference: "Spend categories for STEM Knowledge Networks budgets: supply cover, resources, travel, venue and other (stemkn, SPEC §5)."},
			Cap:        &CapRule{Amount: 200000, Reference: "Funding of up to £2,000 may be available to support the development of a network."},
			CategoryShares: []ShareRule{{Category: "resources", MaxPercent: 20,
				Reference: "Please note that no more than 20% of the funding should be spent on resources."}},
			Mathematics: &TextRule{Reference: "The National STEM Centre, in partnership with the NCETM, is keen to encourage teachers of mathematics in schools and colleges to form STEM Knowledge Networks."},
		},
	}
}
