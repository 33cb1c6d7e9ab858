package main

import (
	"encoding/json"
	"strings"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/eligibility"
	"github.com/stemkn/stemkn/stemkn"
)

// answersList sums up what an application or offer said, for the
// confirmation page: GOV.UK's summary list of the answers.
func answersList(doc []byte) SummaryList {
	var d struct {
		stemkn.Application
		Offer *stemkn.Offer `json:"offer"`
	}
	_ = json.Unmarshal(doc, &d) // a document that passed validation reads
	var rows []SummaryRow
	add := func(key, value string) {
		if value != "" {
			rows = append(rows, SummaryRow{Key: SummaryText{Text: key}, Value: SummaryText{Text: value}})
		}
	}
	if o := d.Offer; o != nil {
		add("Employer", o.Employer.Name)
		add("Offer", o.Title)
		add("Kind", words(o.Kind))
		add("Who it is for", joinWords(o.Audience))
		add("Dates", dates(o.StartDate, o.EndDate))
		return SummaryList{Rows: rows}
	}
	n := &d.Network
	add("Network", n.Name)
	add("Theme", n.Theme)
	var insts, members []string
	for _, i := range n.Institutions {
		insts = append(insts, i.Name)
	}
	for _, m := range n.Members {
		members = append(members, m.Name)
	}
	add("Institutions", strings.Join(insts, ", "))
	add("Members", strings.Join(members, ", "))
	add("Programme", dates(d.Plan.StartDate, d.Plan.EndDate))
	if f := d.Funding; f != nil {
		var lines []budget.Line
		for _, l := range f.Lines {
			lines = append(lines, budget.Line{Category: l.Category, Amount: l.Amount})
		}
		if total, ok := budget.Total(lines); ok {
			add("Funding asked for", budget.Format(total, f.Currency))
		}
	} else {
		add("Funding asked for", "None")
	}
	add("Contact", strings.TrimSpace(d.Contact.Name+" "+d.Contact.Email))
	return SummaryList{Rows: rows}
}

func joinWords(slugs []string) string {
	out := make([]string, len(slugs))
	for i, s := range slugs {
		out[i] = words(s)
	}
	return strings.Join(out, ", ")
}

// dates writes a programme's dates the GOV.UK way: 1 February 2011 to 15 July 2011.
func dates(start, end string) string {
	s, ok1 := eligibility.ParseDate(start)
	e, ok2 := eligibility.ParseDate(end)
	switch {
	case ok1 && ok2:
		return s.Long() + " to " + e.Long()
	case ok1:
		return "From " + s.Long()
	}
	return ""
}
