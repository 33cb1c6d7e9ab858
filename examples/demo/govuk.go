package main

import (
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// GOV.UK Frontend's components, written in Go for the demo's server: each
// type holds a component's macro options under the macro's own names (its
// JSON is the options object govuk-frontend's Nunjucks macro takes), and its
// HTML method writes what that macro renders for those options. Only the
// options the demo uses are here. TestComponentsRenderAsGovukFrontendMacros
// renders every component the demo's pages use with the real macros
// (nunjucks, from the installed govuk-frontend package) and requires the
// same markup, element for element and attribute for attribute.

// componentLog, when set (by the markup test), is told of every component
// drawn: the macro's name, its options and the HTML.
var componentLog struct {
	sync.Mutex
	record func(macro string, params any, out template.HTML)
}

func logged(macro string, params any, out string) template.HTML {
	h := template.HTML(out)
	componentLog.Lock()
	record := componentLog.record
	componentLog.Unlock()
	if record != nil {
		record(macro, params, h)
	}
	return h
}

// esc escapes text for HTML, as Nunjucks' autoescape does.
func esc(s string) string { return html.EscapeString(s) }

// content is a text-or-html option pair: html wins, text is escaped.
func content(text string, h template.HTML) string {
	if h != "" {
		return string(h)
	}
	return esc(text)
}

// attrs writes an attributes option: ` name="value"` for each, in name order.
func attrs(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(" " + esc(k) + `="` + esc(m[k]) + `"`)
	}
	return b.String()
}

func classes(base, extra string) string {
	if extra != "" {
		return base + " " + extra
	}
	return base
}

func joinIDs(ids ...string) string {
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	return strings.Join(out, " ")
}

// Label is govukLabel's options.
type Label struct {
	Text          string        `json:"text,omitempty"`
	HTML          template.HTML `json:"html,omitempty"`
	Classes       string        `json:"classes,omitempty"`
	IsPageHeading bool          `json:"isPageHeading,omitempty"`
}

func (l *Label) render(extraClasses, forID string) string {
	if l == nil || (l.Text == "" && l.HTML == "") {
		return ""
	}
	c := "govuk-label"
	if cl := strings.TrimSpace(strings.Join([]string{l.Classes, extraClasses}, " ")); cl != "" {
		c += " " + cl
	}
	out := `<label class="` + esc(c) + `"`
	if forID != "" {
		out += ` for="` + esc(forID) + `"`
	}
	out += ">" + content(l.Text, l.HTML) + "</label>"
	if l.IsPageHeading {
		out = `<h1 class="govuk-label-wrapper">` + out + "</h1>"
	}
	return out
}

// Hint is govukHint's options.
type Hint struct {
	Text    string        `json:"text,omitempty"`
	HTML    template.HTML `json:"html,omitempty"`
	Classes string        `json:"classes,omitempty"`
}

func (h *Hint) render(id string) string {
	out := "<div"
	if id != "" {
		out += ` id="` + esc(id) + `"`
	}
	return out + ` class="` + esc(classes("govuk-hint", h.Classes)) + `">` + content(h.Text, h.HTML) + "</div>"
}

// ErrorMessage is govukErrorMessage's options.
type ErrorMessage struct {
	Text string `json:"text,omitempty"`
	// VisuallyHiddenText is the word before the message for screen readers
	// ("Error", the default; "Gwall" in Welsh), which the macro follows with a colon.
	VisuallyHiddenText string `json:"visuallyHiddenText,omitempty"`
}

func (e *ErrorMessage) render(id string) string {
	hidden := e.VisuallyHiddenText
	if hidden == "" {
		hidden = "Error"
	}
	return `<p id="` + esc(id) + `" class="govuk-error-message"><span class="govuk-visually-hidden">` + esc(hidden) + `:</span> ` + esc(e.Text) + "</p>"
}

// Legend is a fieldset's legend.
type Legend struct {
	Text          string `json:"text,omitempty"`
	Classes       string `json:"classes,omitempty"`
	IsPageHeading bool   `json:"isPageHeading,omitempty"`
}

// Fieldset is govukFieldset's options.
type Fieldset struct {
	DescribedBy string            `json:"describedBy,omitempty"`
	Classes     string            `json:"classes,omitempty"`
	Role        string            `json:"role,omitempty"`
	Attributes  map[string]string `json:"attributes,omitempty"`
	Legend      *Legend           `json:"legend,omitempty"`
	Inner       template.HTML     `json:"html,omitempty"`
}

// HTML renders the fieldset.
func (f Fieldset) HTML() template.HTML { return logged("govukFieldset", f, f.render()) }

func (f Fieldset) render() string {
	out := `<fieldset class="` + esc(classes("govuk-fieldset", f.Classes)) + `"`
	if f.Role != "" {
		out += ` role="` + esc(f.Role) + `"`
	}
	if f.DescribedBy != "" {
		out += ` aria-describedby="` + esc(f.DescribedBy) + `"`
	}
	out += attrs(f.Attributes) + ">"
	if l := f.Legend; l != nil && l.Text != "" {
		out += `<legend class="` + esc(classes("govuk-fieldset__legend", l.Classes)) + `">`
		if l.IsPageHeading {
			out += `<h1 class="govuk-fieldset__heading">` + esc(l.Text) + "</h1>"
		} else {
			out += esc(l.Text)
		}
		out += "</legend>"
	}
	return out + string(f.Inner) + "</fieldset>"
}

// FormGroup is the formGroup option of the form components.
type FormGroup struct {
	Classes    string            `json:"classes,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

func (g *FormGroup) open(hasError bool) string {
	c := "govuk-form-group"
	if hasError {
		c += " govuk-form-group--error"
	}
	var a map[string]string
	if g != nil {
		c = classes(c, g.Classes)
		a = g.Attributes
	}
	return `<div class="` + esc(c) + `"` + attrs(a) + ">"
}

// Field is the options the form components share: the field's id and name,
// its value, label, hint and error message.
type Field struct {
	ID           string        `json:"id,omitempty"`
	Name         string        `json:"name"`
	Value        string        `json:"value,omitempty"`
	Label        *Label        `json:"label,omitempty"`
	Hint         *Hint         `json:"hint,omitempty"`
	ErrorMessage *ErrorMessage `json:"errorMessage,omitempty"`
}

// fieldID is the field's id: its id option, else its name, as the macros take it.
func (f *Field) fieldID() string {
	if f.ID != "" {
		return f.ID
	}
	return f.Name
}

// head writes the field's label, hint and error message, and returns the
// aria-describedby list, describedBy followed by the hint's and message's ids.
func (f *Field) head(b *strings.Builder, labelClasses, describedBy string) string {
	id := f.fieldID()
	b.WriteString(f.Label.render(labelClasses, id))
	return hintAndError(b, id, f.Hint, f.ErrorMessage, describedBy)
}

// hintAndError writes a hint (id-hint) and an error message (id-error), as
// every form macro does, adding their ids to describedBy.
func hintAndError(b *strings.Builder, id string, hint *Hint, err *ErrorMessage, describedBy string) string {
	if hint != nil {
		describedBy = joinIDs(describedBy, id+"-hint")
		b.WriteString(hint.render(id + "-hint"))
	}
	if err != nil {
		describedBy = joinIDs(describedBy, id+"-error")
		b.WriteString(err.render(id + "-error"))
	}
	return describedBy
}

// Affix is an input's prefix or suffix.
type Affix struct {
	Text string `json:"text,omitempty"`
}

// Input is govukInput's options.
type Input struct {
	Field
	Type         string            `json:"type,omitempty"`
	Classes      string            `json:"classes,omitempty"`
	Autocomplete string            `json:"autocomplete,omitempty"`
	Inputmode    string            `json:"inputmode,omitempty"`
	Spellcheck   *bool             `json:"spellcheck,omitempty"`
	Prefix       *Affix            `json:"prefix,omitempty"`
	FormGroup    *FormGroup        `json:"formGroup,omitempty"`
	Attributes   map[string]string `json:"attributes,omitempty"`
}

// HTML renders the input.
func (p Input) HTML() template.HTML { return logged("govukInput", p, p.render("")) }

// render draws the input; labelClasses are added to the label's (the date
// input's items add govuk-date-input__label).
func (p Input) render(labelClasses string) string {
	id := p.fieldID()
	cls := classes("govuk-input", p.Classes)
	if p.ErrorMessage != nil {
		cls += " govuk-input--error"
	}
	var b strings.Builder
	b.WriteString(p.FormGroup.open(p.ErrorMessage != nil))
	describedBy := p.head(&b, labelClasses, "")
	typ := p.Type
	if typ == "" {
		typ = "text"
	}
	input := `<input class="` + esc(cls) + `" id="` + esc(id) + `" name="` + esc(p.Name) + `" type="` + esc(typ) + `"`
	if p.Spellcheck != nil {
		input += ` spellcheck="` + strconv.FormatBool(*p.Spellcheck) + `"`
	}
	if p.Value != "" {
		input += ` value="` + esc(p.Value) + `"`
	}
	if describedBy != "" {
		input += ` aria-describedby="` + esc(describedBy) + `"`
	}
	if p.Autocomplete != "" {
		input += ` autocomplete="` + esc(p.Autocomplete) + `"`
	}
	if p.Inputmode != "" {
		input += ` inputmode="` + esc(p.Inputmode) + `"`
	}
	input += attrs(p.Attributes) + ">"
	if p.Prefix != nil && p.Prefix.Text != "" {
		b.WriteString(`<div class="govuk-input__wrapper"><div class="govuk-input__prefix" aria-hidden="true">` + esc(p.Prefix.Text) + "</div>" + input + "</div>")
	} else {
		b.WriteString(input)
	}
	b.WriteString("</div>")
	return b.String()
}

// Textarea is govukTextarea's options.
type Textarea struct {
	Field
	Rows       int               `json:"rows,omitempty"`
	Classes    string            `json:"classes,omitempty"`
	Spellcheck *bool             `json:"spellcheck,omitempty"`
	FormGroup  *FormGroup        `json:"formGroup,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// HTML renders the textarea.
func (p Textarea) HTML() template.HTML { return logged("govukTextarea", p, p.render("", "")) }

// render draws the textarea; describedBy starts the aria-describedby list
// and after goes after the textarea (the character count's message).
func (p Textarea) render(describedBy, after string) string {
	id := p.fieldID()
	var b strings.Builder
	b.WriteString(p.FormGroup.open(p.ErrorMessage != nil))
	describedBy = p.head(&b, "", describedBy)
	cls := "govuk-textarea"
	if p.ErrorMessage != nil {
		cls += " govuk-textarea--error"
	}
	cls = classes(cls, p.Classes)
	rows := p.Rows
	if rows == 0 {
		rows = 5
	}
	b.WriteString(`<textarea class="` + esc(cls) + `" id="` + esc(id) + `" name="` + esc(p.Name) + `" rows="` + strconv.Itoa(rows) + `"`)
	if p.Spellcheck != nil {
		b.WriteString(` spellcheck="` + strconv.FormatBool(*p.Spellcheck) + `"`)
	}
	if describedBy != "" {
		b.WriteString(` aria-describedby="` + esc(describedBy) + `"`)
	}
	b.WriteString(attrs(p.Attributes) + ">" + esc(p.Value) + "</textarea>" + after + "</div>")
	return b.String()
}

// CharacterCount is govukCharacterCount's options: a textarea with a limit
// and a live count of what is left.
type CharacterCount struct {
	Field
	Rows      int `json:"rows,omitempty"`
	Maxlength int `json:"maxlength"`
}

// HTML renders the character count.
func (p CharacterCount) HTML() template.HTML {
	id := p.fieldID()
	f := p.Field
	f.ID = id
	t := Textarea{Field: f, Rows: p.Rows, Classes: "govuk-js-character-count",
		FormGroup: &FormGroup{Classes: "govuk-character-count",
			Attributes: map[string]string{"data-module": "govuk-character-count", "data-maxlength": strconv.Itoa(p.Maxlength)}}}
	message := (&Hint{Text: "You can enter up to " + strconv.Itoa(p.Maxlength) + " characters",
		Classes: "govuk-character-count__message"}).render(id + "-info")
	return logged("govukCharacterCount", p, t.render(id+"-info", message))
}

// SelectItem is one option of a select.
type SelectItem struct {
	Value    string `json:"value"`
	Text     string `json:"text"`
	Selected bool   `json:"selected,omitempty"`
}

// Select is govukSelect's options.
type Select struct {
	Field
	Items      []SelectItem      `json:"items"`
	Classes    string            `json:"classes,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// HTML renders the select.
func (p Select) HTML() template.HTML {
	id := p.fieldID()
	var b strings.Builder
	b.WriteString((*FormGroup)(nil).open(p.ErrorMessage != nil))
	describedBy := p.head(&b, "", "")
	cls := classes("govuk-select", p.Classes)
	if p.ErrorMessage != nil {
		cls += " govuk-select--error"
	}
	b.WriteString(`<select class="` + esc(cls) + `" id="` + esc(id) + `" name="` + esc(p.Name) + `"`)
	if describedBy != "" {
		b.WriteString(` aria-describedby="` + esc(describedBy) + `"`)
	}
	b.WriteString(attrs(p.Attributes) + ">")
	for _, it := range p.Items {
		b.WriteString(`<option value="` + esc(it.Value) + `"`)
		if it.Selected || (p.Value != "" && it.Value == p.Value) {
			b.WriteString(" selected")
		}
		b.WriteString(">" + esc(it.Text) + "</option>")
	}
	b.WriteString("</select></div>")
	return logged("govukSelect", p, b.String())
}

// Conditional is the content a radio or checkbox reveals when chosen.
type Conditional struct {
	HTML template.HTML `json:"html"`
}

// ChoiceItem is one radio or checkbox.
type ChoiceItem struct {
	Value       string       `json:"value,omitempty"`
	Text        string       `json:"text,omitempty"`
	ID          string       `json:"id,omitempty"`
	Name        string       `json:"name,omitempty"` // checkboxes only
	Checked     bool         `json:"checked,omitempty"`
	Hint        *Hint        `json:"hint,omitempty"`
	Conditional *Conditional `json:"conditional,omitempty"`
	Divider     string       `json:"divider,omitempty"`
}

// Choices is govukRadios' and govukCheckboxes' options.
type Choices struct {
	Name         string        `json:"name"`
	IDPrefix     string        `json:"idPrefix,omitempty"`
	Items        []ChoiceItem  `json:"items"`
	Value        string        `json:"value,omitempty"`  // radios
	Values       []string      `json:"values,omitempty"` // checkboxes
	Fieldset     *Fieldset     `json:"fieldset,omitempty"`
	Hint         *Hint         `json:"hint,omitempty"`
	ErrorMessage *ErrorMessage `json:"errorMessage,omitempty"`
	Classes      string        `json:"classes,omitempty"`
	FormGroup    *FormGroup    `json:"formGroup,omitempty"`

	checkboxes bool
}

// Radios renders a set of radios.
func (p Choices) Radios() template.HTML {
	p.checkboxes = false
	return logged("govukRadios", p, p.render())
}

// Checkboxes renders a set of checkboxes.
func (p Choices) Checkboxes() template.HTML {
	p.checkboxes = true
	return logged("govukCheckboxes", p, p.render())
}

// render draws the radios or checkboxes as govuk-frontend's macros do:
// the hint and error, the items, and the fieldset around them.
func (p Choices) render() string {
	kind := "radios"
	if p.checkboxes {
		kind = "checkboxes"
	}
	prefix := p.IDPrefix
	if prefix == "" {
		prefix = p.Name
	}
	describedBy := ""
	if p.Fieldset != nil {
		describedBy = p.Fieldset.DescribedBy
	}
	var inner strings.Builder
	describedBy = hintAndError(&inner, prefix, p.Hint, p.ErrorMessage, describedBy)
	inner.WriteString(`<div class="` + esc(classes("govuk-"+kind, p.Classes)) + `" data-module="govuk-` + kind + `">`)
	for i, it := range p.Items {
		if it.Divider != "" {
			inner.WriteString(`<div class="govuk-` + kind + `__divider">` + esc(it.Divider) + "</div>")
			continue
		}
		p.renderItem(&inner, kind, prefix, i, it)
	}
	inner.WriteString("</div>")

	var b strings.Builder
	b.WriteString(p.FormGroup.open(p.ErrorMessage != nil))
	if p.Fieldset != nil {
		f := *p.Fieldset
		f.DescribedBy = describedBy
		f.Inner = template.HTML(inner.String())
		b.WriteString(f.render())
	} else {
		b.WriteString(inner.String())
	}
	b.WriteString("</div>")
	return b.String()
}

// renderItem draws item i: its input, label and hint, and the conditional
// content it reveals.
func (p Choices) renderItem(inner *strings.Builder, kind, prefix string, i int, it ChoiceItem) {
	itemID := it.ID
	if itemID == "" {
		itemID = prefix
		if i > 0 {
			itemID += "-" + strconv.Itoa(i+1)
		}
	}
	name := p.Name
	if it.Name != "" && p.checkboxes {
		name = it.Name
	}
	checked := it.Checked
	if !checked && p.checkboxes {
		checked = slices.Contains(p.Values, it.Value)
	} else if !checked {
		checked = p.Value != "" && it.Value == p.Value
	}
	typ := "radio"
	if p.checkboxes {
		typ = "checkbox"
	}
	inner.WriteString(`<div class="govuk-` + kind + `__item"><input class="govuk-` + kind + `__input" id="` + esc(itemID) +
		`" name="` + esc(name) + `" type="` + typ + `" value="` + esc(it.Value) + `"`)
	if checked {
		inner.WriteString(" checked")
	}
	if it.Conditional != nil && it.Conditional.HTML != "" {
		inner.WriteString(` data-aria-controls="conditional-` + esc(itemID) + `"`)
	}
	if it.Hint != nil {
		inner.WriteString(` aria-describedby="` + esc(itemID+"-item-hint") + `"`)
	}
	inner.WriteString(">")
	inner.WriteString((&Label{Text: it.Text}).render("govuk-"+kind+"__label", itemID))
	if it.Hint != nil {
		h := *it.Hint
		h.Classes = strings.TrimSpace("govuk-" + kind + "__hint " + h.Classes)
		inner.WriteString(h.render(itemID + "-item-hint"))
	}
	inner.WriteString("</div>")
	if it.Conditional != nil && it.Conditional.HTML != "" {
		cls := "govuk-" + kind + "__conditional"
		if !checked {
			cls += " govuk-" + kind + "__conditional--hidden"
		}
		inner.WriteString(`<div class="` + cls + `" id="conditional-` + esc(itemID) + `">` + string(it.Conditional.HTML) + "</div>")
	}
}

// DateItem is one of a date input's three fields.
type DateItem struct {
	Name         string `json:"name"`
	Value        string `json:"value,omitempty"`
	Classes      string `json:"classes,omitempty"`
	Autocomplete string `json:"autocomplete,omitempty"`
}

// DateInput is govukDateInput's options: a date typed as day, month and
// year, named namePrefix-day, namePrefix-month and namePrefix-year.
type DateInput struct {
	ID           string        `json:"id"`
	NamePrefix   string        `json:"namePrefix,omitempty"`
	Items        []DateItem    `json:"items"`
	Fieldset     *Fieldset     `json:"fieldset,omitempty"`
	Hint         *Hint         `json:"hint,omitempty"`
	ErrorMessage *ErrorMessage `json:"errorMessage,omitempty"`
}

// HTML renders the date input.
func (p DateInput) HTML() template.HTML {
	describedBy := ""
	if p.Fieldset != nil {
		describedBy = p.Fieldset.DescribedBy
	}
	var inner strings.Builder
	describedBy = hintAndError(&inner, p.ID, p.Hint, p.ErrorMessage, describedBy)
	anyItemHasError := false
	for _, it := range p.Items {
		anyItemHasError = anyItemHasError || strings.Contains(it.Classes, "govuk-input--error")
	}
	inner.WriteString(`<div class="govuk-date-input" id="` + esc(p.ID) + `">`)
	for _, it := range p.Items {
		width := 2
		if it.Name == "year" {
			width = 4
		}
		cls := ""
		if !strings.Contains(it.Classes, "govuk-input--error") && p.ErrorMessage != nil && !anyItemHasError {
			cls = "govuk-input--error"
		}
		if !strings.Contains(it.Classes, "govuk-input--width-") {
			cls = strings.TrimSpace(cls + " govuk-input--width-" + strconv.Itoa(width))
		}
		cls = strings.TrimSpace(cls + " " + it.Classes)
		name := it.Name
		if p.NamePrefix != "" {
			name = p.NamePrefix + "-" + it.Name
		}
		in := Input{Field: Field{ID: p.ID + "-" + it.Name, Name: name, Value: it.Value, Label: &Label{Text: strings.ToUpper(it.Name[:1]) + it.Name[1:]}},
			Type: "text", Inputmode: "numeric", Autocomplete: it.Autocomplete, Classes: strings.TrimSpace("govuk-date-input__input " + cls)}
		inner.WriteString(`<div class="govuk-date-input__item">` + in.render("govuk-date-input__label") + "</div>")
	}
	inner.WriteString("</div>")

	var b strings.Builder
	b.WriteString((*FormGroup)(nil).open(p.ErrorMessage != nil))
	if p.Fieldset != nil {
		f := *p.Fieldset
		f.DescribedBy = describedBy
		f.Role = "group"
		f.Inner = template.HTML(inner.String())
		b.WriteString(f.render())
	} else {
		b.WriteString(inner.String())
	}
	b.WriteString("</div>")
	return logged("govukDateInput", p, b.String())
}

// ErrorSummaryItem is one link of an error summary.
type ErrorSummaryItem struct {
	Text string `json:"text"`
	Href string `json:"href,omitempty"`
}

// ErrorSummary is govukErrorSummary's options.
type ErrorSummary struct {
	TitleText  string             `json:"titleText"`
	ErrorList  []ErrorSummaryItem `json:"errorList"`
	Attributes map[string]string  `json:"attributes,omitempty"`
}

// HTML renders the error summary.
func (p ErrorSummary) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="govuk-error-summary"` + attrs(p.Attributes) + ` data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">` +
		esc(p.TitleText) + `</h2><div class="govuk-error-summary__body">`)
	if len(p.ErrorList) > 0 {
		b.WriteString(`<ul class="govuk-list govuk-error-summary__list">`)
		for _, it := range p.ErrorList {
			if it.Href != "" {
				b.WriteString(`<li><a href="` + esc(it.Href) + `">` + esc(it.Text) + "</a></li>")
			} else {
				b.WriteString("<li>" + esc(it.Text) + "</li>")
			}
		}
		b.WriteString("</ul>")
	}
	b.WriteString("</div></div></div>")
	return logged("govukErrorSummary", p, b.String())
}

// Button is govukButton's options.
type Button struct {
	Text       string            `json:"text"`
	Type       string            `json:"type,omitempty"`
	Name       string            `json:"name,omitempty"`
	Value      string            `json:"value,omitempty"`
	Classes    string            `json:"classes,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// HTML renders the button.
func (p Button) HTML() template.HTML {
	typ := p.Type
	if typ == "" {
		typ = "submit"
	}
	out := `<button type="` + esc(typ) + `"`
	if p.Value != "" {
		out += ` value="` + esc(p.Value) + `"`
	}
	if p.Name != "" {
		out += ` name="` + esc(p.Name) + `"`
	}
	out += ` class="` + esc(classes("govuk-button", p.Classes)) + `" data-module="govuk-button"` + attrs(p.Attributes) + ">" + esc(p.Text) + "</button>"
	return logged("govukButton", p, out)
}

// SummaryRow is one row of a summary list.
type SummaryRow struct {
	Key   SummaryText `json:"key"`
	Value SummaryText `json:"value"`
}

// SummaryText is a summary list key or value.
type SummaryText struct {
	Text string        `json:"text,omitempty"`
	HTML template.HTML `json:"html,omitempty"`
}

// SummaryList is govukSummaryList's options.
type SummaryList struct {
	Rows       []SummaryRow      `json:"rows"`
	Classes    string            `json:"classes,omitempty"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// HTML renders the summary list.
func (p SummaryList) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<dl class="` + esc(classes("govuk-summary-list", p.Classes)) + `"` + attrs(p.Attributes) + ">")
	for _, r := range p.Rows {
		b.WriteString(`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">` + content(r.Key.Text, r.Key.HTML) +
			`</dt><dd class="govuk-summary-list__value">` + content(r.Value.Text, r.Value.HTML) + "</dd></div>")
	}
	b.WriteString("</dl>")
	return logged("govukSummaryList", p, b.String())
}

// TableCell is a cell of a table.
type TableCell struct {
	Text    string        `json:"text,omitempty"`
	HTML    template.HTML `json:"html,omitempty"`
	Format  string        `json:"format,omitempty"`
	Classes string        `json:"classes,omitempty"`
}

// Table is govukTable's options.
type Table struct {
	Caption           string        `json:"caption,omitempty"`
	CaptionClasses    string        `json:"captionClasses,omitempty"`
	FirstCellIsHeader bool          `json:"firstCellIsHeader,omitempty"`
	Head              []TableCell   `json:"head,omitempty"`
	Rows              [][]TableCell `json:"rows"`
	Classes           string        `json:"classes,omitempty"`
}

// HTML renders the table.
func (p Table) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<table class="` + esc(classes("govuk-table", p.Classes)) + `">`)
	if p.Caption != "" {
		b.WriteString(`<caption class="` + esc(classes("govuk-table__caption", p.CaptionClasses)) + `">` + esc(p.Caption) + "</caption>")
	}
	cell := func(base string, c TableCell) string {
		cls := base
		if c.Format != "" {
			cls += " " + base + "--" + c.Format
		}
		return esc(classes(cls, c.Classes))
	}
	if len(p.Head) > 0 {
		b.WriteString(`<thead class="govuk-table__head"><tr class="govuk-table__row">`)
		for _, h := range p.Head {
			b.WriteString(`<th scope="col" class="` + cell("govuk-table__header", h) + `">` + content(h.Text, h.HTML) + "</th>")
		}
		b.WriteString("</tr></thead>")
	}
	b.WriteString(`<tbody class="govuk-table__body">`)
	for _, row := range p.Rows {
		b.WriteString(`<tr class="govuk-table__row">`)
		for i, c := range row {
			if i == 0 && p.FirstCellIsHeader {
				b.WriteString(`<th scope="row" class="` + esc(classes("govuk-table__header", c.Classes)) + `">` + content(c.Text, c.HTML) + "</th>")
				continue
			}
			b.WriteString(`<td class="` + cell("govuk-table__cell", c) + `">` + content(c.Text, c.HTML) + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	return logged("govukTable", p, b.String())
}

// Panel is govukPanel's options.
type Panel struct {
	TitleText string `json:"titleText"`
	Text      string `json:"text,omitempty"`
}

// HTML renders the panel.
func (p Panel) HTML() template.HTML {
	out := `<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">` + esc(p.TitleText) + "</h1>"
	if p.Text != "" {
		out += `<div class="govuk-panel__body">` + esc(p.Text) + "</div>"
	}
	return logged("govukPanel", p, out+"</div>")
}

// Tag is govukTag's options.
type Tag struct {
	Text    string `json:"text"`
	Classes string `json:"classes,omitempty"`
}

// HTML renders the tag.
func (p Tag) HTML() template.HTML {
	return logged("govukTag", p, `<strong class="`+esc(classes("govuk-tag", p.Classes))+`">`+esc(p.Text)+"</strong>")
}

// InsetText is govukInsetText's options.
type InsetText struct {
	Inner template.HTML `json:"html"`
}

// HTML renders the inset text.
func (p InsetText) HTML() template.HTML {
	return logged("govukInsetText", p, `<div class="govuk-inset-text">`+string(p.Inner)+"</div>")
}

// PhaseBanner is govukPhaseBanner's options.
type PhaseBanner struct {
	Tag  Tag    `json:"tag"`
	Text string `json:"text"`
}

// HTML renders the phase banner.
func (p PhaseBanner) HTML() template.HTML {
	return logged("govukPhaseBanner", p, `<div class="govuk-phase-banner govuk-width-container"><p class="govuk-phase-banner__content">`+
		`<strong class="govuk-tag govuk-phase-banner__content__tag">`+esc(p.Tag.Text)+`</strong>`+
		`<span class="govuk-phase-banner__text">`+esc(p.Text)+"</span></p></div>")
}

// SkipLink is govukSkipLink's options.
type SkipLink struct {
	Href string `json:"href"`
	Text string `json:"text"`
}

// HTML renders the skip link.
func (p SkipLink) HTML() template.HTML {
	return logged("govukSkipLink", p, `<a href="`+esc(p.Href)+`" class="govuk-skip-link" data-module="govuk-skip-link">`+esc(p.Text)+"</a>")
}

// GenericHeader is govukGenericHeader's options: the header for a service
// that is not on GOV.UK, which may not use the crown or the GOV.UK logotype.
type GenericHeader struct {
	URL      string `json:"url"`
	LogoText string `json:"logoText"`
}

// HTML renders the header.
func (p GenericHeader) HTML() template.HTML {
	return logged("govukGenericHeader", p, `<div class="govuk-generic-header"><div class="govuk-generic-header__container govuk-width-container">`+
		`<div class="govuk-generic-header__logo"><a href="`+esc(p.URL)+`" class="govuk-generic-header__homepage-link">`+esc(p.LogoText)+
		"</a></div></div></div>")
}

// NavigationItem is one link of the service navigation.
type NavigationItem struct {
	Href    string `json:"href"`
	Text    string `json:"text"`
	Current bool   `json:"current,omitempty"`
}

// ServiceNavigation is govukServiceNavigation's options.
type ServiceNavigation struct {
	ServiceName string           `json:"serviceName"`
	ServiceURL  string           `json:"serviceUrl"`
	Navigation  []NavigationItem `json:"navigation"`
}

// HTML renders the service navigation.
func (p ServiceNavigation) HTML() template.HTML {
	var b strings.Builder
	b.WriteString(`<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">` +
		`<div class="govuk-width-container"><div class="govuk-service-navigation__container">` +
		`<span class="govuk-service-navigation__service-name"><a href="` + esc(p.ServiceURL) + `" class="govuk-service-navigation__link">` +
		esc(p.ServiceName) + "</a></span>")
	if len(p.Navigation) > 0 {
		b.WriteString(`<nav aria-label="Menu" class="govuk-service-navigation__wrapper">`)
		if len(p.Navigation) > 1 {
			b.WriteString(`<button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>`)
		}
		b.WriteString(`<ul class="govuk-service-navigation__list" id="navigation">`)
		for _, it := range p.Navigation {
			if it.Current {
				b.WriteString(`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="` +
					esc(it.Href) + `" aria-current="page"><strong class="govuk-service-navigation__active-fallback">` + esc(it.Text) + "</strong></a></li>")
				continue
			}
			b.WriteString(`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="` + esc(it.Href) + `">` + esc(it.Text) + "</a></li>")
		}
		b.WriteString("</ul></nav>")
	}
	b.WriteString("</div></div></section>")
	return logged("govukServiceNavigation", p, b.String())
}
