package main

import (
	"bytes"
	"image/png"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPlotIsAPNGWithAPanelPerSeries(t *testing.T) {
	var buf bytes.Buffer
	panels := []panel{
		{title: "validate: cost per member", xLabel: "members in the document", yLabel: "ns per member",
			lines: []line{{name: "one core", points: []point{{10, 1439}, {100, 761}, {1000, 900}, {10000, 1069}}}}},
		{title: "ndjson: cost per document", xLabel: "documents", yLabel: "µs per document",
			lines: []line{{name: "validate loop, one core", points: []point{{1, 29.8}, {100, 20.9}, {10000, 21.3}, {100000, 42.6}}},
				{name: "stemkn validate, 2 cores", points: []point{{1, 15}, {100, 11}, {10000, 10.5}, {100000, 10.4}}}}},
	}
	require.NoError(t, writePlot(&buf, panels))
	if out := os.Getenv("PLOT_OUT"); out != "" {
		require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o644))
	}
	img, err := png.Decode(&buf)
	require.NoError(t, err)
	require.Equal(t, 2*panelWidth, img.Bounds().Dx())
	require.Equal(t, panelHeight, img.Bounds().Dy())
}
