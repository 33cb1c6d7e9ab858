package stemkn

import "github.com/stemkn/stemkn/eligibility"

// The network family: what the network is about and who is in it — its
// theme, its area of interest, the local issue it addresses, the spread of
// subjects its members teach, and the advice to include mathematics.

// ThemeRule: the network's theme is one of the scheme's themes
// (eligibility.theme; messages eligibility.theme, eligibility.theme.missing).
type ThemeRule struct{ Citation }

func (p *ThemeRule) rule(s *Scheme) rule {
	return rule{id: "theme", code: CodeTheme, cite: p.Citation,
		inputs: []string{"/network/theme"}, check: p.check, schema: func(d *schemaDoc) bool { return p.schema(d, s) },
		verify: func() string {
			if len(s.Themes) == 0 {
				return "has a theme rule but no themes"
			}
			return ""
		}}
}

func (p *ThemeRule) check(ev *evaluation) Outcome {
	theme := ev.app.Network.Theme
	if theme == "" {
		return ev.missing(CodeTheme, "/network/theme", nil)
	}
	if _, ok := ev.scheme.themes[theme]; !ok {
		ev.report("/network/theme", Params{"theme": theme})
		return Failed
	}
	return Passed
}

// schema: the theme is required and one of the scheme's.
func (p *ThemeRule) schema(d *schemaDoc, s *Scheme) bool {
	ids := make([]string, len(s.Themes))
	for i, t := range s.Themes {
		ids[i] = t.ID
	}
	d.at("/network/theme").set("enum", stringList(ids))
	d.require("/network/theme")
	return true
}

// AreaOfInterestRule: the network states a specific area of interest
// (eligibility.area-of-interest).
type AreaOfInterestRule struct{ Citation }

func (p *AreaOfInterestRule) rule(*Scheme) rule {
	return textRule("areaOfInterest", CodeAreaOfInterest, p.Citation,
		"/network/areaOfInterest", func(a *Application) string { return a.Network.AreaOfInterest })
}

// LocalIssueRule: the partnership states the local issue of
// underachievement in STEM it addresses (eligibility.local-issue).
type LocalIssueRule struct{ Citation }

func (p *LocalIssueRule) rule(*Scheme) rule {
	return textRule("localIssue", CodeLocalIssue, p.Citation, "/network/localIssue", func(a *Application) string { return a.Network.LocalIssue })
}

// SubjectSpreadRule: members' subjects span at least Min of the four STEM
// subjects (eligibility.subject-spread).
type SubjectSpreadRule struct {
	// Min is the least number of different subjects.
	Min int `json:"min"`
	Citation
}

func (p *SubjectSpreadRule) rule(*Scheme) rule {
	return rule{id: "subjectSpread", code: CodeSubjectSpread, cite: p.Citation, params: p,
		titleParams: Params{"min": int64(p.Min)},
		inputs:      []string{"/network/members/*/subjects"}, check: p.check}
}

func (p *SubjectSpreadRule) check(ev *evaluation) Outcome {
	members := ev.app.Network.Members
	if len(members) == 0 {
		return NotJudged
	}
	if n := membersSubjects(members).Count(); n < p.Min {
		ev.report("/network/members", Params{"min": int64(p.Min), "count": int64(n)})
		return Failed
	}
	return Passed
}

// membersSubjects is the set of subjects the members teach between them.
func membersSubjects(members []Member) eligibility.SubjectSet {
	var set eligibility.SubjectSet
	for i := range members {
		set.Add(members[i].Subjects)
	}
	return set
}

// MathematicsRule is advice: a warning when no member teaches mathematics
// (advice.mathematics).
type MathematicsRule struct{ Citation }

func (p *MathematicsRule) rule(*Scheme) rule {
	return rule{id: "mathematics", code: CodeMathematics, advice: true,
		cite: p.Citation, inputs: []string{"/network/members/*/subjects"}, check: p.check}
}

func (p *MathematicsRule) check(ev *evaluation) Outcome {
	members := ev.app.Network.Members
	if len(members) == 0 {
		return NotJudged // no members yet: nothing to advise on
	}
	if membersSubjects(members).Has("mathematics") {
		return Passed
	}
	ev.report("/network/members", nil)
	return Failed
}
