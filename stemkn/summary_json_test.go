package stemkn_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/stemkn/stemkn/budget"
	"github.com/stemkn/stemkn/stemkn"
	"github.com/stemkn/stemkn/stemkn/internal/docgen"
)

// BudgetSummary.AppendJSON writes what json.Marshal writes, for the budget
// summary of every generated document that has one and for a summary with
// every field set to text that JSON must escape.
func TestBudgetSummaryAppendJSONIsWhatJSONMarshalWrites(t *testing.T) {
	five, over, rest := int64(5), budget.Amount(-1), budget.Amount(9_223_372_036_854_775_807)
	summaries := []stemkn.BudgetSummary{
		{},
		{Currency: "GBP", Categories: []stemkn.CategorySpend{}},
		{Currency: "<&>", Total: -1, TotalText: "\u2028\"\\\x01", Cap: &rest, CapText: "caf\xc3", Remaining: &over,
			RemainingText: "£1,200.50", Over: true, Overflow: true,
			Categories: []stemkn.CategorySpend{{ID: "a", Title: "Costau <teithio>", Amount: -9, AmountText: "x", Share: "20.01%", MaxPercent: &five, Within: true}, {}}},
	}
	var made int
	g := docgen.New(1)
	var cases []docgen.Case
	for _, s := range builtinValidator.Catalogue().Schemes() {
		cases = append(cases, g.Cases(s, 60)...)
	}
	for _, c := range cases {
		if sum, ok := builtinValidator.BudgetSummary(c.JSON, stemkn.Options{Mode: c.Mode}); ok {
			summaries = append(summaries, sum)
			made++
		}
	}
	require.Greater(t, made, 100, "the corpus gives few budget summaries")
	for i := range summaries {
		want, err := json.Marshal(&summaries[i])
		require.NoError(t, err)
		require.Equal(t, string(want), string(summaries[i].AppendJSON(nil)), "summary %d", i)
	}
}
