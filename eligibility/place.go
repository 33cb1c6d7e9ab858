package eligibility

import "slices"

// Place is where an institution is: an ISO 3166-1 alpha-2 country code and,
// in the United Kingdom, the ISO 3166-2 code of the nation it is in.
type Place struct {
	Country     string // ISO 3166-1 alpha-2 code, e.g. "GB", "DE"; "" when not stated
	Subdivision string // for Country "GB", one of "GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"; "" elsewhere or when not stated
}

// InEngland reports whether the place is in England (country "GB",
// subdivision "GB-ENG"), where the GIAS register and its establishment types
// apply.
func (p Place) InEngland() bool {
	return p.Country == "GB" && p.Subdivision == "GB-ENG"
}

// ukSubdivisions are the ISO 3166-2:GB codes of the four nations of the
// United Kingdom (the "GB-" codes for countries and province in ISO 3166-2).
var ukSubdivisions = []string{
	"GB-ENG", // England
	"GB-SCT", // Scotland
	"GB-WLS", // Wales
	"GB-NIR", // Northern Ireland
}

// Subdivisions returns the ISO 3166-2 codes of the four nations of the UK:
// GB-ENG, GB-SCT, GB-WLS, GB-NIR. The slice is a copy.
func Subdivisions() []string {
	return slices.Clone(ukSubdivisions)
}

// Region is one of the nine regions of England (the former Government Office
// regions, which GIAS records as "GOR").
type Region struct {
	Slug string // stable id used in documents, e.g. "yorkshire-and-the-humber"
	Name string // the ONS name, e.g. "Yorkshire and The Humber"
}

// regions are the nine English regions in ONS code order (E12000001 to
// E12000009). Source: Office for National Statistics, "Regions (former
// GORs)".
var regions = []Region{
	{"north-east", "North East"},                             // E12000001
	{"north-west", "North West"},                             // E12000002
	{"yorkshire-and-the-humber", "Yorkshire and The Humber"}, // E12000003
	{"east-midlands", "East Midlands"},                       // E12000004
	{"west-midlands", "West Midlands"},                       // E12000005
	{"east-of-england", "East of England"},                   // E12000006
	{"london", "London"},                                     // E12000007
	{"south-east", "South East"},                             // E12000008
	{"south-west", "South West"},                             // E12000009
}

// Regions returns the nine regions of England in ONS order. The slice is a
// copy.
func Regions() []Region {
	return slices.Clone(regions)
}
