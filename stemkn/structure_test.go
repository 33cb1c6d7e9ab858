package stemkn

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The validate tags, judged through the whole validator.

func TestEnumTagsUseTheirVocabularies(t *testing.T) {
	base := loadDoc(t, validFixture)
	for _, tc := range []struct{ path, good, bad string }{
		{"/network/institutions/0/subdivision", "GB-NIR", "GB-XXX"},
		{"/network/institutions/0/region", "london", "London"},
		{"/network/institutions/0/phase", "all-through", "sixth-form"},
		{"/network/institutions/1/country", "IE", "EU"},
		{"/network/institutions/1/establishmentType", "studio-schools", "studio-school"},
	} {
		res := validate(t, base.with(t, set(tc.path, tc.good)).bytes(t), Options{})
		require.False(t, hasCode(res.Findings, CodeEnum), "%s = %s", tc.path, tc.good)
		res = validate(t, base.with(t, set(tc.path, tc.bad)).bytes(t), Options{})
		require.Contains(t, summary(res), e(CodeEnum, tc.path), "%s = %s", tc.path, tc.bad)
	}
}
