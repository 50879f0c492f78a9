package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func TestICOHoldsEverySizeAsPNG(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			src.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 4), G: 100, B: 200, A: 255})
		}
	}
	data, err := ICO(src, []int{16, 32, 256})
	if err != nil {
		t.Fatal(err)
	}
	var head [3]uint16
	if err := binary.Read(bytes.NewReader(data), binary.LittleEndian, &head); err != nil || head != [3]uint16{0, 1, 3} {
		t.Fatalf("header %v %v", head, err)
	}
	for i, want := range []int{16, 32, 256} {
		entry := data[6+16*i : 6+16*(i+1)]
		size := binary.LittleEndian.Uint32(entry[8:12])
		offset := binary.LittleEndian.Uint32(entry[12:16])
		img, err := png.Decode(bytes.NewReader(data[offset : offset+size]))
		if err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if img.Bounds().Dx() != want || img.Bounds().Dy() != want {
			t.Fatalf("entry %d is %v, want %d px", i, img.Bounds(), want)
		}
		if dim := int(entry[0]); (want == 256 && dim != 0) || (want < 256 && dim != want) {
			t.Fatalf("entry %d declares width %d", i, dim)
		}
	}
	if _, err := ICO(src, []int{512}); err == nil {
		t.Fatal("a 512 px .ico entry was accepted")
	}
}

func TestScaleAveragesColours(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	for y := 0; y < 4; y++ {
		for x := 0; x < 4; x++ {
			v := uint8(0)
			if x%2 == 1 {
				v = 200
			}
			src.SetNRGBA(x, y, color.NRGBA{R: v, G: v, B: v, A: 255})
		}
	}
	got := Scale(src, 2).NRGBAAt(0, 0)
	if got.R != 100 || got.A != 255 {
		t.Fatalf("averaged pixel %+v, want R=100", got)
	}
}
