// Command mkicons turns the app icon (build/appicon.png) into what installers
// need: PNGs at the freedesktop hicolor sizes for the Linux package, and a
// Windows .ico holding several sizes. `make dist` runs it; nothing it writes is
// committed.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	src := flag.String("src", "build/appicon.png", "the square source icon")
	pngDir := flag.String("png-dir", "", "write <size>.png files here (hicolor sizes)")
	ico := flag.String("ico", "", "write a Windows .ico here")
	sizes := flag.String("sizes", "16,24,32,48,64,128,256,512", "sizes of the PNGs")
	flag.Parse()
	if err := run(*src, *pngDir, *ico, *sizes); err != nil {
		fmt.Fprintln(os.Stderr, "mkicons:", err)
		os.Exit(1)
	}
}

// icoSizes are the sizes a Windows icon carries (256 is the largest ICO allows).
var icoSizes = []int{16, 24, 32, 48, 64, 128, 256}

func run(src, pngDir, ico, sizeList string) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() {
		return fmt.Errorf("%s is %dx%d, not square", src, b.Dx(), b.Dy())
	}
	if pngDir != "" {
		if err := os.MkdirAll(pngDir, 0o755); err != nil {
			return err
		}
		for _, s := range strings.Split(sizeList, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n <= 0 {
				return fmt.Errorf("bad size %q", s)
			}
			data, err := encodePNG(Scale(img, n))
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(pngDir, fmt.Sprintf("%d.png", n)), data, 0o644); err != nil {
				return err
			}
		}
	}
	if ico != "" {
		data, err := ICO(img, icoSizes)
		if err != nil {
			return err
		}
		return os.WriteFile(ico, data, 0o644)
	}
	return nil
}

// Scale resizes a square image to n×n by averaging the source pixels each
// destination pixel covers (a box filter: good for shrinking icons).
func Scale(src image.Image, n int) *image.NRGBA {
	b := src.Bounds()
	ratio := float64(b.Dx()) / float64(n)
	dst := image.NewNRGBA(image.Rect(0, 0, n, n))
	for y := 0; y < n; y++ {
		y0, y1 := span(y, ratio, b.Dy())
		for x := 0; x < n; x++ {
			x0, x1 := span(x, ratio, b.Dx())
			var r, g, bl, a, count uint64
			for sy := y0; sy < y1; sy++ {
				for sx := x0; sx < x1; sx++ {
					c := color.NRGBAModel.Convert(src.At(b.Min.X+sx, b.Min.Y+sy)).(color.NRGBA)
					r, g, bl, a = r+uint64(c.R), g+uint64(c.G), bl+uint64(c.B), a+uint64(c.A)
					count++
				}
			}
			dst.SetNRGBA(x, y, color.NRGBA{R: uint8(r / count), G: uint8(g / count), B: uint8(bl / count), A: uint8(a / count)})
		}
	}
	return dst
}

// span is the source pixel range [from, to) that destination index i covers.
func span(i int, ratio float64, limit int) (int, int) {
	from := int(float64(i) * ratio)
	to := int(float64(i+1) * ratio)
	if to <= from {
		to = from + 1
	}
	if to > limit {
		to = limit
	}
	return from, to
}

// ICO encodes the image at the given sizes as a Windows icon whose entries are
// PNG streams (supported since Windows Vista).
func ICO(src image.Image, sizes []int) ([]byte, error) {
	images := make([][]byte, len(sizes))
	for i, s := range sizes {
		if s > 256 {
			return nil, fmt.Errorf("an .ico entry is at most 256 px, not %d", s)
		}
		data, err := encodePNG(Scale(src, s))
		if err != nil {
			return nil, err
		}
		images[i] = data
	}
	var out bytes.Buffer
	// ICONDIR: reserved, type 1 (icon), count.
	_ = binary.Write(&out, binary.LittleEndian, [3]uint16{0, 1, uint16(len(sizes))})
	offset := 6 + 16*len(sizes)
	for i, s := range sizes {
		dim := uint8(s)
		if s == 256 {
			dim = 0 // 0 means 256
		}
		// ICONDIRENTRY: width, height, colours, reserved, planes, bit count, size, offset.
		out.Write([]byte{dim, dim, 0, 0})
		_ = binary.Write(&out, binary.LittleEndian, [2]uint16{1, 32})
		_ = binary.Write(&out, binary.LittleEndian, [2]uint32{uint32(len(images[i])), uint32(offset)})
		offset += len(images[i])
	}
	for _, data := range images {
		out.Write(data)
	}
	return out.Bytes(), nil
}

// encodePNG compresses an image as PNG.
func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	err := png.Encode(&buf, img)
	return buf.Bytes(), err
}
