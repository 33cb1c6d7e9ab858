package document

// Code is the kind of a Problem: the same stable strings as stemkn's
// structural finding codes, which are defined as these.
type Code string

// The codes of the problems reading and checking a document can find.
const (
	Syntax       Code = "syntax"          // the input is not well-formed JSON (params: problem, line, column)
	Type         Code = "type"            // a value has the wrong JSON type (params: expected, actual)
	Required     Code = "required"        // a required value is missing or empty
	UnknownField Code = "unknown-field"   // a field the document type does not have (params: name)
	Enum         Code = "enum"            // a value outside its vocabulary (params: allowed)
	Format       Code = "format"          // a value in the wrong format (params: format)
	MinLength    Code = "min-length"      // text too short (params: min)
	MaxLength    Code = "max-length"      // text too long (params: max)
	Minimum      Code = "minimum"         // a number too small (params: min)
	Maximum      Code = "maximum"         // a number too large (params: max)
	MinItems     Code = "min-items"       // a list too short (params: min)
	MaxItems     Code = "max-items"       // a list too long (params: max)
	Duplicate    Code = "duplicate"       // a repeated key or list entry (params: name)
	TooLarge     Code = "too-large"       // the input passes a hard limit (params: limit, max)
	Overflow     Code = "budget.overflow" // an amount of money past int64 (params: value)
	FormName     Code = "form-name"       // a form field the document has no place for (params: name, at)
)

// Problem is one thing wrong with a document as it is read or checked: what
// stemkn turns into a Finding, with its severity (a required value missing
// in a draft is a warning) and its words.
type Problem struct {
	// Code says what kind of problem this is.
	Code Code
	// Path is the RFC 6901 JSON Pointer of the value ("" for the document).
	Path string
	// Params are the values a message about it is built from: strings,
	// int64s and lists of strings.
	Params map[string]any
	// Variant refines Code for the wording: a format's name ("date"), the
	// limit passed ("bytes"), "key" or "entry" for a repeat.
	Variant string
}
