package eligibility

import "slices"

// countryCodes are the 249 officially assigned ISO 3166-1 alpha-2 codes, in
// alphabetical order. Source: ISO 3166-1 as published in the Debian iso-codes
// package 4.15.0 (iso_3166-1.json). Exceptionally reserved codes such as "UK"
// and "EU", and user-assigned codes such as "XK" (used for Kosovo), are not
// assigned and not listed.
var countryCodes = []string{
	"AD", // Andorra
	"AE", // United Arab Emirates
	"AF", // Afghanistan
	"AG", // Antigua and Barbuda
	"AI", // Anguilla
	"AL", // Albania
	"AM", // Armenia
	"AO", // Angola
	"AQ", // Antarctica
	"AR", // Argentina
	"AS", // American Samoa
	"AT", // Austria
	"AU", // Australia
	"AW", // Aruba
	"AX", // Åland Islands
	"AZ", // Azerbaijan
	"BA", // Bosnia and Herzegovina
	"BB", // Barbados
	"BD", // Bangladesh
	"BE", // Belgium
	"BF", // Burkina Faso
	"BG", // Bulgaria
	"BH", // Bahrain
	"BI", // Burundi
	"BJ", // Benin
	"BL", // Saint Barthélemy
	"BM", // Bermuda
	"BN", // Brunei Darussalam
	"BO", // Bolivia, Plurinational State of
	"BQ", // Bonaire, Sint Eustatius and Saba
	"BR", // Brazil
	"BS", // Bahamas
	"BT", // Bhutan
	"BV", // Bouvet Island
	"BW", // Botswana
	"BY", // Belarus
	"BZ", // Belize
	"CA", // Canada
	"CC", // Cocos (Keeling) Islands
	"CD", // Congo, The Democratic Republic of the
	"CF", // Central African Republic
	"CG", // Congo
	"CH", // Switzerland
	"CI", // Côte d'Ivoire
	"CK", // Cook Islands
	"CL", // Chile
	"CM", // Cameroon
	"CN", // China
	"CO", // Colombia
	"CR", // Costa Rica
	"CU", // Cuba
	"CV", // Cabo Verde
	"CW", // Curaçao
	"CX", // Christmas Island
	"CY", // Cyprus
	"CZ", // Czechia
	"DE", // Germany
	"DJ", // Djibouti
	"DK", // Denmark
	"DM", // Dominica
	"DO", // Dominican Republic
	"DZ", // Algeria
	"EC", // Ecuador
	"EE", // Estonia
	"EG", // Egypt
	"EH", // Western Sahara
	"ER", // Eritrea
	"ES", // Spain
	"ET", // Ethiopia
	"FI", // Finland
	"FJ", // Fiji
	"FK", // Falkland Islands (Malvinas)
	"FM", // Micronesia, Federated States of
	"FO", // Faroe Islands
	"FR", // France
	"GA", // Gabon
	"GB", // United Kingdom
	"GD", // Grenada
	"GE", // Georgia
	"GF", // French Guiana
	"GG", // Guernsey
	"GH", // Ghana
	"GI", // Gibraltar
	"GL", // Greenland
	"GM", // Gambia
	"GN", // Guinea
	"GP", // Guadeloupe
	"GQ", // Equatorial Guinea
	"GR", // Greece
	"GS", // South Georgia and the South Sandwich Islands
	"GT", // Guatemala
	"GU", // Guam
	"GW", // Guinea-Bissau
	"GY", // Guyana
	"HK", // Hong Kong
	"HM", // Heard Island and McDonald Islands
	"HN", // Honduras
	"HR", // Croatia
	"HT", // Haiti
	"HU", // Hungary
	"ID", // Indonesia
	"IE", // Ireland
	"IL", // Israel
	"IM", // Isle of Man
	"IN", // India
	"IO", // British Indian Ocean Territory
	"IQ", // Iraq
	"IR", // Iran, Islamic Republic of
	"IS", // Iceland
	"IT", // Italy
	"JE", // Jersey
	"JM", // Jamaica
	"JO", // Jordan
	"JP", // Japan
	"KE", // Kenya
	"KG", // Kyrgyzstan
	"KH", // Cambodia
	"KI", // Kiribati
	"KM", // Comoros
	"KN", // Saint Kitts and Nevis
	"KP", // Korea, Democratic People's Republic of
	"KR", // Korea, Republic of
	"KW", // Kuwait
	"KY", // Cayman Islands
	"KZ", // Kazakhstan
	"LA", // Lao People's Democratic Republic
	"LB", // Lebanon
	"LC", // Saint Lucia
	"LI", // Liechtenstein
	"LK", // Sri Lanka
	"LR", // Liberia
	"LS", // Lesotho
	"LT", // Lithuania
	"LU", // Luxembourg
	"LV", // Latvia
	"LY", // Libya
	"MA", // Morocco
	"MC", // Monaco
	"MD", // Moldova, Republic of
	"ME", // Montenegro
	"MF", // Saint Martin (French part)
	"MG", // Madagascar
	"MH", // Marshall Islands
	"MK", // North Macedonia
	"ML", // Mali
	"MM", // Myanmar
	"MN", // Mongolia
	"MO", // Macao
	"MP", // Northern Mariana Islands
	"MQ", // Martinique
	"MR", // Mauritania
	"MS", // Montserrat
	"MT", // Malta
	"MU", // Mauritius
	"MV", // Maldives
	"MW", // Malawi
	"MX", // Mexico
	"MY", // Malaysia
	"MZ", // Mozambique
	"NA", // Namibia
	"NC", // New Caledonia
	"NE", // Niger
	"NF", // Norfolk Island
	"NG", // Nigeria
	"NI", // Nicaragua
	"NL", // Netherlands
	"NO", // Norway
	"NP", // Nepal
	"NR", // Nauru
	"NU", // Niue
	"NZ", // New Zealand
	"OM", // Oman
	"PA", // Panama
	"PE", // Peru
	"PF", // French Polynesia
	"PG", // Papua New Guinea
	"PH", // Philippines
	"PK", // Pakistan
	"PL", // Poland
	"PM", // Saint Pierre and Miquelon
	"PN", // Pitcairn
	"PR", // Puerto Rico
	"PS", // Palestine, State of
	"PT", // Portugal
	"PW", // Palau
	"PY", // Paraguay
	"QA", // Qatar
	"RE", // Réunion
	"RO", // Romania
	"RS", // Serbia
	"RU", // Russian Federation
	"RW", // Rwanda
	"SA", // Saudi Arabia
	"SB", // Solomon Islands
	"SC", // Seychelles
	"SD", // Sudan
	"SE", // Sweden
	"SG", // Singapore
	"SH", // Saint Helena, Ascension and Tristan da Cunha
	"SI", // Slovenia
	"SJ", // Svalbard and Jan Mayen
	"SK", // Slovakia
	"SL", // Sierra Leone
	"SM", // San Marino
	"SN", // Senegal
	"SO", // Somalia
	"SR", // Suriname
	"SS", // South Sudan
	"ST", // Sao Tome and Principe
	"SV", // El Salvador
	"SX", // Sint Maarten (Dutch part)
	"SY", // Syrian Arab Republic
	"SZ", // Eswatini
	"TC", // Turks and Caicos Islands
	"TD", // Chad
	"TF", // French Southern Territories
	"TG", // Togo
	"TH", // Thailand
	"TJ", // Tajikistan
	"TK", // Tokelau
	"TL", // Timor-Leste
	"TM", // Turkmenistan
	"TN", // Tunisia
	"TO", // Tonga
	"TR", // Türkiye
	"TT", // Trinidad and Tobago
	"TV", // Tuvalu
	"TW", // Taiwan, Province of China
	"TZ", // Tanzania, United Republic of
	"UA", // Ukraine
	"UG", // Uganda
	"UM", // United States Minor Outlying Islands
	"US", // United States
	"UY", // Uruguay
	"UZ", // Uzbekistan
	"VA", // Holy See (Vatican City State)
	"VC", // Saint Vincent and the Grenadines
	"VE", // Venezuela, Bolivarian Republic of
	"VG", // Virgin Islands, British
	"VI", // Virgin Islands, U.S.
	"VN", // Viet Nam
	"VU", // Vanuatu
	"WF", // Wallis and Futuna
	"WS", // Samoa
	"YE", // Yemen
	"YT", // Mayotte
	"ZA", // South Africa
	"ZM", // Zambia
	"ZW", // Zimbabwe
}

// CountryCodes returns the 249 officially assigned ISO 3166-1 alpha-2 codes
// in alphabetical order. The slice is a copy.
func CountryCodes() []string {
	return slices.Clone(countryCodes)
}

// IsCountryCode reports whether s is an officially assigned ISO 3166-1
// alpha-2 code: "GB" is, "UK" (reserved), "XK" (user-assigned) and "gb" are
// not.
func IsCountryCode(s string) bool {
	i, ok := countryIndex(s)
	return ok && assignedCountries[i/64]&(1<<(i%64)) != 0
}

// countryIndex maps a code of two ASCII capital letters to 0–675.
func countryIndex(s string) (int, bool) {
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return 0, false
	}
	return int(s[0]-'A')*26 + int(s[1]-'A'), true
}

// countrySet is a set of two-letter codes, one bit per code.
type countrySet [(26*26 + 63) / 64]uint64

// assignedCountries holds countryCodes as a set, built at init.
var assignedCountries countrySet

func init() {
	for _, c := range countryCodes {
		i, ok := countryIndex(c)
		if !ok {
			panic("eligibility: country code " + c + " is not two capital letters")
		}
		assignedCountries[i/64] |= 1 << (i % 64)
	}
}

// programmeCountries2016 are the Erasmus+ Programme Countries of the 2016
// Programme Guide (European Commission, Erasmus+ Programme Guide 2016, Part A,
// "Eligible countries"): the 28 EU member states, then the five non-EU
// Programme Countries. Codes are ISO 3166-1: the EU's own protocol codes
// differ for Greece ("EL", here "GR") and the United Kingdom ("UK", here
// "GB"), and only the ISO codes are accepted.
var programmeCountries2016 = []string{
	"AT", // Austria
	"BE", // Belgium
	"BG", // Bulgaria
	"HR", // Croatia
	"CY", // Cyprus
	"CZ", // Czech Republic
	"DK", // Denmark
	"EE", // Estonia
	"FI", // Finland
	"FR", // France
	"DE", // Germany
	"GR", // Greece (EU code "EL")
	"HU", // Hungary
	"IE", // Ireland
	"IT", // Italy
	"LV", // Latvia
	"LT", // Lithuania
	"LU", // Luxembourg
	"MT", // Malta
	"NL", // Netherlands
	"PL", // Poland
	"PT", // Portugal
	"RO", // Romania
	"SK", // Slovakia
	"SI", // Slovenia
	"ES", // Spain
	"SE", // Sweden
	"GB", // United Kingdom (EU code "UK"), an EU member state in 2016
	"MK", // former Yugoslav Republic of Macedonia (now North Macedonia)
	"IS", // Iceland
	"LI", // Liechtenstein
	"NO", // Norway
	"TR", // Turkey
}

// ProgrammeCountries2016 returns the ISO 3166-1 codes of the 33 Erasmus+
// Programme Countries of 2016: the 28 EU member states (AT BE BG HR CY CZ DK
// EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB) and MK, IS,
// LI, NO, TR. Greece is "GR" and the United Kingdom "GB", as in ISO 3166; the
// EU's codes "EL" and "UK" are not accepted. The slice is a copy.
func ProgrammeCountries2016() []string {
	return slices.Clone(programmeCountries2016)
}

// DistinctCountriesIn counts the distinct countries among countries that are
// also in allowed; a nil allowed admits every country. Only assigned ISO
// 3166-1 alpha-2 codes count as countries, so "", "EL" and "UK" are never
// counted. It does not allocate.
func DistinctCountriesIn(countries []string, allowed []string) int {
	var seen countrySet
	n := 0
	for _, c := range countries {
		if !IsCountryCode(c) || (allowed != nil && !slices.Contains(allowed, c)) {
			continue
		}
		i, _ := countryIndex(c)
		if seen[i/64]&(1<<(i%64)) == 0 {
			seen[i/64] |= 1 << (i % 64)
			n++
		}
	}
	return n
}
