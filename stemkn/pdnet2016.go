package stemkn

import "github.com/stemkn/stemkn/eligibility"

// stemPDNet2016 is the Erasmus+ Key Action 2 strategic partnership for
// school education that funded the European Network of STEM Professional
// Development Centres, 1 September 2016 – 31 August 2019 (seed 002). The seed
// describes the project; its rules are those of the Erasmus+ Programme Guide
// 2016, which the references name, kept here as parameters. There is no GIAS
// rule: the organisations are PD centres, universities and schools across
// Europe.
func stemPDNet2016() *Scheme {
	const (
		seed  = "European Network of STEM Professional Development Centres, Erasmus+ project, 1 September 2016 – 31 August 2019 (EU project database)"
		guide = "Erasmus+ Programme Guide 2016 (European Commission), Part B, Key Action 2, Strategic Partnerships"
	)
	return &Scheme{
		ID:        "stem-pd-net-2016",
		Title:     "Erasmus+ strategic partnerships for school education (2016): European Network of STEM PD Centres",
		Funders:   []string{"European Commission (Erasmus+)"},
		Kind:      KindApplication,
		Currency:  "EUR",
		Reference: seed + "; " + guide,
		Categories: []Category{
			{ID: "project-management", Title: "Project management and implementation"},
			{ID: "transnational-meetings", Title: "Transnational project meetings"},
			{ID: "intellectual-outputs", Title: "Intellectual outputs"},
			{ID: "multiplier-events", Title: "Multiplier events"},
			{ID: "learning-teaching-training", Title: "Learning, teaching and training activities"},
			{ID: "exceptional-costs", Title: "Exceptional costs"},
		},
		Rules: Rules{
			MinInstitutions: &CountRule{Min: 3,
				Reference: guide + ", eligibility criteria (paraphrased): a strategic partnership is transnational and involves at least three participating organisations from three different Programme Countries."},
			Countries: &CountriesRule{Min: 3, Countries: eligibility.ProgrammeCountries2016(),
				Reference: guide + ", eligibility criteria (paraphrased): at least three organisations from three different Programme Countries. Programme Countries in 2016: the 28 EU member states, the former Yugoslav Republic of Macedonia, Iceland, Liechtenstein, Norway and Turkey (Part A, Eligible countries); organisations from Partner Countries take part but do not count."},
			Identifiers: &IdentifierRule{Required: []string{"pic"},
				Reference: "Erasmus+ Programme Guide 2016 (European Commission), Part C (paraphrased): every participating organisation registers in the Participant Portal and applies with its nine-digit Participant Identification Code (PIC)."},
			Duration: &DurationRule{MinMonths: 12, MaxMonths: 36,
				Reference: guide + ", eligibility criteria (paraphrased): project duration between 12 and 36 months. (Whole calendar months counted inclusively, a started month counting whole: 1 Sep 2016 – 31 Aug 2019 is 36 months.) The seed's project ran \"Start date: Sep 1, 2016, End date: Aug 31, 2019\"."},
			Outputs: &CountRule{Min: 1,
				Reference: "\"Based on this we will produce and disseminate: Quality criteria for PD and guidelines to day-to-day implementation; Ready-to-use guidelines on measuring the quality of a PD activity; A catalogue for PD providers…; A commented selection of STEM PD materials…; A review of PD centre models…; An interactive web-portal; Policy briefings…\" (seed 002). A strategic partnership supporting innovation produces intellectual outputs (" + guide + ", paraphrased)."},
			FundingRequired: &TextRule{Reference: guide + ", funding rules: the grant is requested by budget heading."},
			Categories:      &TextRule{Reference: guide + ", funding rules (paraphrased): budget headings are project management and implementation, transnational project meetings, intellectual outputs, multiplier events, learning, teaching and training activities, and exceptional costs."},
			CategoryNeeds: []CategoryNeedRule{{Category: "multiplier-events", Needs: "outputs",
				Reference: guide + ", funding rules (paraphrased): multiplier events, which share and disseminate the intellectual outputs, are supported only in projects that produce intellectual outputs."}},
			MonthlyCap: &MonthlyCapRule{PerMonth: 1250000, Ceiling: 45000000,
				Reference: guide + ", funding rules (paraphrased): maximum grant awarded €12,500 per month of the project's duration, and at most €450,000 for a project of 36 months."},
			UnitCost: &UnitCostRule{Category: "project-management", CoordinatorPerMonth: 50000, PartnerPerMonth: 25000, MaxOrganisations: 10,
				Reference: guide + ", funding rules (paraphrased): project management and implementation is a unit cost of €500 per month for the coordinating organisation and €250 per month for each other participating organisation, with a maximum of €2,750 per month (the coordinator and nine partners: 10 organisations)."},
		},
	}
}
