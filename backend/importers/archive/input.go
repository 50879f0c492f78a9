package archive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// MaxFileSize caps one export file, and one file inside a zip, at 2 GiB.
const MaxFileSize int64 = 2 << 30

// ErrTooLarge is returned by a reader from LimitReader past MaxFileSize bytes.
var ErrTooLarge = errors.New("larger than 2 GiB")

// LimitReader reads r but fails with ErrTooLarge once more than max bytes came through.
func LimitReader(r io.Reader, max int64) io.Reader {
	return &limitReader{r: r, left: max}
}

type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

// Input is an export file opened for parsing: its first bytes are known, so a
// zip can be told from text, and an empty file is rejected before any parser runs.
type Input struct {
	// Name is the name the caller gave (a path or a base name).
	Name string
	// R reads the whole file from its start, capped at MaxFileSize.
	R *bufio.Reader
	// IsZip reports a zip archive (the file starts with "PK\x03\x04" or is an empty zip).
	IsZip bool
	orig  io.Reader
}

// Open wraps r for parsing. It fails with a *ParseError for an empty file.
func Open(r io.Reader, name string) (*Input, error) {
	br := bufio.NewReaderSize(LimitReader(r, MaxFileSize), 64<<10)
	head, err := br.Peek(4)
	if len(head) == 0 {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, ReadError(name, err)
		}
		return nil, Errorf(name, "file", "the file is empty")
	}
	isZip := bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
	return &Input{Name: name, R: br, IsZip: isZip, orig: r}, nil
}

// Head returns up to n bytes from the start of the file without consuming them.
func (in *Input) Head(n int) []byte {
	b, _ := in.R.Peek(n)
	return b
}

// Zip opens the input as a zip archive. A file, or anything with ReadAt and a
// size, is read in place; any other reader is first read into memory (capped).
func (in *Input) Zip() (*zip.Reader, error) {
	ra, size, ok := readerAt(in.orig)
	if !ok {
		data, err := io.ReadAll(in.R)
		if err != nil {
			return nil, ReadError(in.Name, err)
		}
		ra, size = bytes.NewReader(data), int64(len(data))
	}
	if size > MaxFileSize {
		return nil, Errorf(in.Name, "file", "the file is %s; imports are limited to 2 GiB", humanSize(size))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, Errorf(in.Name, "zip", "the zip archive cannot be read (%v): is the download complete?", err)
	}
	return zr, nil
}

// readerAt finds random access and the size of r when it offers them.
func readerAt(r io.Reader) (io.ReaderAt, int64, bool) {
	ra, ok := r.(io.ReaderAt)
	if !ok {
		return nil, 0, false
	}
	switch s := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			return ra, fi.Size(), true
		}
	case interface{ Size() int64 }:
		return ra, s.Size(), true
	}
	return nil, 0, false
}

// OpenEntry opens one file of a zip for reading, refusing entries over MaxFileSize.
func OpenEntry(archiveName string, f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(MaxFileSize) {
		return nil, Errorf(archiveName, f.Name, "this file of the zip is %s; imports are limited to 2 GiB", humanSize(int64(f.UncompressedSize64)))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, Errorf(archiveName, f.Name, "this file of the zip cannot be opened (%v)", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{LimitReader(rc, MaxFileSize), rc}, nil
}

// ReadError describes a failure to read the file itself (not a format problem).
func ReadError(name string, err error) *ParseError {
	if errors.Is(err, ErrTooLarge) {
		return Errorf(name, "file", "the file is larger than 2 GiB, the most one import reads")
	}
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) {
		return Errorf(name, "zip", "the zip archive is damaged (%v): download it again", err)
	}
	return Errorf(name, "file", "the file cannot be read: %v", err)
}

// humanSize renders a byte count for messages.
func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
