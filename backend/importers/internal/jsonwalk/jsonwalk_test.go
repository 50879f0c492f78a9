package jsonwalk

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestWalkAndSkip(t *testing.T) {
	dec := New(strings.NewReader(`{"a":[1,{"x":[{}]}],"b":{"c":"d"},"messages":[{"n":1},{"n":"bad"},{"n":3}]}`))
	var keys []string
	var ns []int
	var bad int
	err := Object(dec, func(key string) error {
		keys = append(keys, key)
		if key != "messages" {
			return Skip(dec)
		}
		return Array(dec, func(int) error {
			var m struct{ N int }
			if err := dec.Decode(&m); err != nil {
				if StreamBroken(err) {
					return err
				}
				bad++
				return nil
			}
			ns = append(ns, m.N)
			return nil
		})
	})
	if err != nil || strings.Join(keys, ",") != "a,b,messages" || len(ns) != 2 || ns[1] != 3 || bad != 1 {
		t.Fatalf("err %v keys %v ns %v bad %d", err, keys, ns, bad)
	}
}

func TestShapeError(t *testing.T) {
	dec := New(strings.NewReader(`[1,[2]]`))
	err := Object(dec, func(string) error { return nil })
	var shape *ShapeError
	if !errors.As(err, &shape) || shape.Got != "an array" {
		t.Fatalf("%v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("the array should have been consumed, got %v", err)
	}
}

func TestWhereCountsLines(t *testing.T) {
	// Enough data to slide the remembered window several times.
	var b bytes.Buffer
	b.WriteString("[\n")
	for i := 0; i < 300000; i++ {
		b.WriteString(`"abcdefghijklmnopqrstuvwxyz0123456789",` + "\n")
	}
	b.WriteString("oops]")
	dec := New(&b)
	err := Array(dec, func(int) error { return Skip(dec) })
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		t.Fatalf("%v", err)
	}
	if got := dec.Where(max(syn.Offset, dec.InputOffset())); got != "line 300002" {
		t.Fatalf("where %s", got)
	}
	if got := dec.Where(0); got != "byte 0" {
		t.Fatalf("an offset outside the window: %s", got)
	}
}

func TestExplain(t *testing.T) {
	var v struct {
		ID   int      `json:"id"`
		Text []string `json:"text"`
	}
	for doc, want := range map[string]string{
		`{"id":"x"}`:   `"id" is a string where a number is expected`,
		`{"text":{}}`:  `"text" is an object where a list is expected`,
		`"just text"`:  `the message is a string where an object is expected`,
		`{"id":1.5e3}`: `"id" is a number where a number is expected`,
	} {
		err := json.Unmarshal([]byte(doc), &v)
		if got := Explain(err); got != want {
			t.Errorf("%s: %q, want %q", doc, got, want)
		}
	}
	var n json.Number
	if got := Explain(json.Unmarshal([]byte(`"x"`), &n)); got != "a number field holds text that is not a number" {
		t.Errorf("number literal: %q", got)
	}
}
