package main

import (
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
)

// The scaling plot: one panel per series of sizes, the cost per item on a
// linear axis from zero against the size on a logarithmic one, and a
// dashed line at 1.5× the lowest point of the first series, the flatness
// target. Drawn with the standard library alone.

type point struct{ x, y float64 }

type line struct {
	name   string
	points []point
}

type panel struct {
	title, xLabel, yLabel string
	lines                 []line
}

var (
	white  = color.RGBA{255, 255, 255, 255}
	ink    = color.RGBA{33, 33, 33, 255}
	grid   = color.RGBA{222, 222, 222, 255}
	target = color.RGBA{212, 53, 28, 255}
	// lineColours are GOV.UK blue, green and purple.
	lineColours = []color.RGBA{{29, 112, 184, 255}, {0, 112, 60, 255}, {76, 44, 146, 255}}
)

const (
	panelWidth  = 560
	panelHeight = 420
	textScale   = 2
	marginLeft  = 110
	marginRight = 30
	marginTop   = 60
	marginBot   = 80
)

// writePlot draws the panels side by side as a PNG.
func writePlot(w io.Writer, panels []panel) error {
	img := image.NewRGBA(image.Rect(0, 0, panelWidth*len(panels), panelHeight))
	fillRect(img, 0, 0, img.Bounds().Dx(), img.Bounds().Dy(), white)
	for i, p := range panels {
		drawPanel(img, i*panelWidth, p)
	}
	return png.Encode(w, img)
}

func drawPanel(img *image.RGBA, left int, p panel) {
	x0, x1 := left+marginLeft, left+panelWidth-marginRight
	y0, y1 := panelHeight-marginBot, marginTop // y grows downwards

	drawText(img, left+(panelWidth-textWidth(p.title, textScale))/2, 16, p.title, textScale, ink)
	drawText(img, x0+(x1-x0-textWidth(p.xLabel, textScale))/2, panelHeight-30, p.xLabel, textScale, ink)
	drawTextUp(img, left+14, y0-(y0-y1-textWidth(p.yLabel, textScale))/2, p.yLabel, textScale, ink)

	minX, maxX, maxY := math.Inf(1), math.Inf(-1), 0.0
	for _, l := range p.lines {
		for _, pt := range l.points {
			minX, maxX, maxY = min(minX, pt.x), max(maxX, pt.x), max(maxY, pt.y)
		}
	}
	if len(p.lines) == 0 || len(p.lines[0].points) == 0 {
		drawText(img, x0+20, (y0+y1)/2, "not measured", textScale, ink)
		return
	}
	lowest := math.Inf(1)
	for _, pt := range p.lines[0].points {
		lowest = min(lowest, pt.y)
	}
	maxY = max(maxY, 1.5*lowest)
	step := niceStep(maxY / 5)
	top := math.Ceil(maxY*1.05/step) * step

	lo, hi := math.Log10(minX), math.Log10(maxX)
	if hi == lo {
		hi = lo + 1
	}
	px := func(x float64) int { return x0 + int(math.Round((math.Log10(x)-lo)/(hi-lo)*float64(x1-x0))) }
	py := func(y float64) int { return y0 - int(math.Round(y/top*float64(y0-y1))) }

	for v := 0.0; v <= top+step/2; v += step {
		y := py(v)
		hline(img, x0, x1, y, grid)
		label := formatTick(v)
		drawText(img, x0-10-textWidth(label, textScale), y-glyphHeight*textScale/2, label, textScale, ink)
	}
	drawXTicks(img, p, px, y1, y0)
	hline(img, x0, x1, y0, ink)
	vline(img, x0, y1, y0, ink)

	// The target: no point more than 1.5× the lowest.
	ty := py(1.5 * lowest)
	for x := x0; x < x1; x += 12 {
		fillRect(img, x, ty-1, 6, 2, target)
	}
	drawText(img, x0+8, ty-20, "1.5× lowest", textScale, target)

	drawLines(img, p, px, py, x0, y1)
}

// drawXTicks draws a grid line and a label at each x any line has a point at.
func drawXTicks(img *image.RGBA, p panel, px func(float64) int, y1, y0 int) {
	ticked := map[float64]bool{}
	for _, l := range p.lines {
		for _, pt := range l.points {
			if ticked[pt.x] {
				continue
			}
			ticked[pt.x] = true
			x := px(pt.x)
			vline(img, x, y1, y0, grid)
			label := formatSize(pt.x)
			drawText(img, x-textWidth(label, textScale)/2, y0+10, label, textScale, ink)
		}
	}
}

// drawLines draws each line's points and segments, and a key when there is
// more than one line.
func drawLines(img *image.RGBA, p panel, px, py func(float64) int, x0, y1 int) {
	for i, l := range p.lines {
		c := lineColours[i%len(lineColours)]
		for j, pt := range l.points {
			fillRect(img, px(pt.x)-4, py(pt.y)-4, 9, 9, c)
			if j > 0 {
				prev := l.points[j-1]
				segment(img, px(prev.x), py(prev.y), px(pt.x), py(pt.y), c)
			}
		}
		if len(p.lines) > 1 {
			ly := y1 + 6 + i*22
			fillRect(img, x0+14, ly+3, 20, 6, c)
			drawText(img, x0+42, ly, l.name, textScale, ink)
		}
	}
}

func hline(img *image.RGBA, xa, xb, y int, c color.Color) { fillRect(img, xa, y, xb-xa+1, 1, c) }
func vline(img *image.RGBA, x, ya, yb int, c color.Color) { fillRect(img, x, ya, 1, yb-ya+1, c) }

// segment draws a 3-pixel-wide straight line (Bresenham's).
func segment(img *image.RGBA, xa, ya, xb, yb int, c color.Color) {
	dx, dy := abs(xb-xa), -abs(yb-ya)
	sx, sy := sign(xb-xa), sign(yb-ya)
	e := dx + dy
	for {
		fillRect(img, xa-1, ya-1, 3, 3, c)
		if xa == xb && ya == yb {
			return
		}
		e2 := 2 * e
		if e2 >= dy {
			e += dy
			xa += sx
		}
		if e2 <= dx {
			e += dx
			ya += sy
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*pow {
			return m * pow
		}
	}
	return 10 * pow
}

// formatTick writes an axis value without a trailing ".0".
func formatTick(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// formatSize writes a size as 10, 100, 1k, 10k, 100k.
func formatSize(v float64) string {
	n := int64(math.Round(v))
	if n >= 1000 && n%1000 == 0 {
		return strconv.FormatInt(n/1000, 10) + "k"
	}
	return strconv.FormatInt(n, 10)
}
