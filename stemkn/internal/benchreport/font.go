package main

import (
	"image"
	"image/color"
	"strings"
)

// A 5×7 pixel font, enough for the plot's titles, axis labels and numbers,
// so that the plot needs nothing beyond the standard library. Each glyph is
// seven rows of five pixels, '#' for ink, rows separated by '|'. Capitals
// are drawn as small letters.
var glyphs = map[rune]string{
	' ': ".....|.....|.....|.....|.....|.....|.....",
	'0': ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
	'1': "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
	'2': ".###.|#...#|....#|...#.|..#..|.#...|#####",
	'3': "####.|....#|....#|.###.|....#|....#|####.",
	'4': "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
	'5': "#####|#....|####.|....#|....#|#...#|.###.",
	'6': "..##.|.#...|#....|####.|#...#|#...#|.###.",
	'7': "#####|....#|...#.|..#..|.#...|.#...|.#...",
	'8': ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
	'9': ".###.|#...#|#...#|.####|....#|...#.|.##..",
	'a': ".....|.....|.###.|....#|.####|#...#|.####",
	'b': "#....|#....|####.|#...#|#...#|#...#|####.",
	'c': ".....|.....|.###.|#....|#....|#...#|.###.",
	'd': "....#|....#|.####|#...#|#...#|#...#|.####",
	'e': ".....|.....|.###.|#...#|#####|#....|.###.",
	'f': "..##.|.#..#|.#...|###..|.#...|.#...|.#...",
	'g': ".....|.####|#...#|#...#|.####|....#|.###.",
	'h': "#....|#....|####.|#...#|#...#|#...#|#...#",
	'i': "..#..|.....|.##..|..#..|..#..|..#..|.###.",
	'j': "...#.|.....|..##.|...#.|...#.|#..#.|.##..",
	'k': "#....|#....|#..#.|#.#..|##...|#.#..|#..#.",
	'l': ".##..|..#..|..#..|..#..|..#..|..#..|.###.",
	'm': ".....|.....|##.#.|#.#.#|#.#.#|#...#|#...#",
	'n': ".....|.....|####.|#...#|#...#|#...#|#...#",
	'o': ".....|.....|.###.|#...#|#...#|#...#|.###.",
	'p': ".....|.....|####.|#...#|####.|#....|#....",
	'q': ".....|.....|.####|#...#|.####|....#|....#",
	'r': ".....|.....|#.##.|##..#|#....|#....|#....",
	's': ".....|.....|.####|#....|.###.|....#|####.",
	't': ".#...|.#...|###..|.#...|.#...|.#..#|..##.",
	'u': ".....|.....|#...#|#...#|#...#|#..##|.##.#",
	'v': ".....|.....|#...#|#...#|#...#|.#.#.|..#..",
	'w': ".....|.....|#...#|#...#|#.#.#|#.#.#|.#.#.",
	'x': ".....|.....|#...#|.#.#.|..#..|.#.#.|#...#",
	'y': ".....|.....|#...#|#...#|.####|....#|.###.",
	'z': ".....|.....|#####|...#.|..#..|.#...|#####",
	'.': ".....|.....|.....|.....|.....|.##..|.##..",
	',': ".....|.....|.....|.....|.##..|..#..|.#...",
	':': ".....|.##..|.##..|.....|.##..|.##..|.....",
	'/': ".....|....#|...#.|..#..|.#...|#....|.....",
	'-': ".....|.....|.....|#####|.....|.....|.....",
	'=': ".....|.....|#####|.....|#####|.....|.....",
	'(': "...#.|..#..|.#...|.#...|.#...|..#..|...#.",
	')': ".#...|..#..|...#.|...#.|...#.|..#..|.#...",
	'%': "##...|##..#|...#.|..#..|.#...|#..##|...##",
	'×': ".....|#...#|.#.#.|..#..|.#.#.|#...#|.....",
	'÷': ".....|..#..|.....|#####|.....|..#..|.....",
	'µ': ".....|.....|#...#|#...#|#..##|###.#|#....",
}

const (
	glyphWidth  = 5
	glyphHeight = 7
	glyphGap    = 1
)

// textWidth is the width in pixels of s drawn at scale.
func textWidth(s string, scale int) int {
	n := len([]rune(s))
	if n == 0 {
		return 0
	}
	return (n*(glyphWidth+glyphGap) - glyphGap) * scale
}

// drawText draws s with its top left corner at (x, y), each font pixel a
// scale × scale square. Letters the font lacks are drawn as spaces.
func drawText(img *image.RGBA, x, y int, s string, scale int, ink color.Color) {
	for _, r := range strings.ToLower(s) {
		rows := strings.Split(glyphs[r], "|")
		for gy, row := range rows {
			for gx, px := range row {
				if px != '#' {
					continue
				}
				fillRect(img, x+gx*scale, y+gy*scale, scale, scale, ink)
			}
		}
		x += (glyphWidth + glyphGap) * scale
	}
}

// drawTextUp draws s turned a quarter left, reading upwards, with the
// bottom left corner of its first letter at (x, y): for a y-axis title.
func drawTextUp(img *image.RGBA, x, y int, s string, scale int, ink color.Color) {
	for _, r := range strings.ToLower(s) {
		rows := strings.Split(glyphs[r], "|")
		for gy, row := range rows {
			for gx, px := range row {
				if px != '#' {
					continue
				}
				fillRect(img, x+gy*scale, y-(gx+1)*scale, scale, scale, ink)
			}
		}
		y -= (glyphWidth + glyphGap) * scale
	}
}

func fillRect(img *image.RGBA, x, y, w, h int, c color.Color) {
	for yy := y; yy < y+h; yy++ {
		for xx := x; xx < x+w; xx++ {
			img.Set(xx, yy, c)
		}
	}
}
