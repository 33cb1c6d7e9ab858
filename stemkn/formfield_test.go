package stemkn

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFieldForFindsTheFieldAFindingBelongsTo(t *testing.T) {
	values := url.Values{
		"scheme":                          {"stem-kn-2011"},
		"network[name]":                   {"Calder"},
		"network[members][7][name]":       {"Tom Reid"},
		"network[members][7][email]":      {"not an email"},
		"network[members][7][subjects][]": {"science"},
		"network[members][9][name]":       {"Asha Patel"},
		"funding[lines][3][amount]":       {"£12.50"},
		"funding[lines][3][category]":     {""},
		"plan[startDate]":                 {""},
	}
	f := NewValidator(nil).DecodeForm(values, Options{})
	tests := []struct {
		name string
		path string
		want string
	}{
		{"a posted value", "/network/members/0/email", "network[members][7][email]"},
		{"a posted empty value", "/funding/lines/0/category", "funding[lines][3][category]"},
		{"a value in a later row", "/network/members/1/name", "network[members][9][name]"},
		{"a radio left unchosen in a row", "/network/members/1/role", "network[members][9][role]"},
		{"checkboxes left unticked", "/network/members/1/subjects", "network[members][9][subjects][]"},
		{"ticked checkboxes", "/network/members/0/subjects", "network[members][7][subjects][]"},
		{"a radio left unchosen at the top", "/network/theme", "network[theme]"},
		{"an unticked box in a group not posted", "/plan/commitments/submitReport", "plan[commitments][submitReport]"},
		{"a list", "/network/members", "network[members]"},
		{"a row", "/funding/lines/0", "funding[lines][3]"},
		{"an unknown field", "/network/colour", "network[colour]"},
		{"the whole document", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, f.FieldFor(tt.path))
		})
	}
}
