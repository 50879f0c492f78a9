package jsonwalk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Decoder is a json.Decoder that can say on which line of the file an offset
// lies, so errors read "line 87" rather than "byte 2444".
type Decoder struct {
	*json.Decoder
	lines *lineCounter
}

// New returns a decoder over r that keeps numbers as json.Number.
func New(r io.Reader) *Decoder {
	lc := &lineCounter{r: r}
	dec := json.NewDecoder(taggedReader{lc})
	dec.UseNumber()
	return &Decoder{Decoder: dec, lines: lc}
}

// Where locates a byte offset of the input: "line N" when it lies in the part
// of the file still remembered (the last few MiB), else "byte N".
func (d *Decoder) Where(offset int64) string {
	if line, ok := d.lines.line(offset); ok {
		return fmt.Sprintf("line %d", line)
	}
	return fmt.Sprintf("byte %d", offset)
}

// End is the offset just past the last byte read: the end of a truncated file.
func (d *Decoder) End() int64 {
	return d.lines.start + int64(len(d.lines.tail))
}

// window is how much of the most recently read input is kept for line numbers.
const window = 4 << 20

// lineCounter counts the lines of what passes through it, keeping the tail of
// the input so that an offset near the reading position maps to its line.
type lineCounter struct {
	r      io.Reader
	tail   []byte // the last bytes read, starting at offset start
	start  int64
	before int // newlines before start
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.tail = append(c.tail, p[:n]...)
	if len(c.tail) > window {
		drop := len(c.tail) - window/2
		c.before += bytes.Count(c.tail[:drop], []byte{'\n'})
		c.start += int64(drop)
		c.tail = append(c.tail[:0], c.tail[drop:]...)
	}
	return n, err
}

// line returns the 1-based line of offset.
func (c *lineCounter) line(offset int64) (int, bool) {
	rel := offset - c.start
	if rel < 0 || rel > int64(len(c.tail)) {
		return 0, false
	}
	return c.before + bytes.Count(c.tail[:rel], []byte{'\n'}) + 1, true
}
