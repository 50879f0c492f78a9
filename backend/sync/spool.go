package sync

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"

	"creatordesk/backend/platforms"
	"creatordesk/backend/store"
)

// The spool is an account's capture log: every page a pipelined sync fetches
// is appended to it before the next page is asked for. It is written in
// segment files of spoolSegmentPages pages, each removed once every page in it
// is stored, so it stays small while a long sync runs. Some platforms take the request for the
// next page as confirmation of the previous one (Telegram's getUpdates offset)
// and never send it again, so a page fetched ahead of storing must be on disk
// first: after a crash, the next sync of the account stores what the spool
// still holds (storing is idempotent) before it fetches anything.
//
// A record is a little-endian uint32 length, the CRC-32 (IEEE) of the payload
// and the payload, a JSON spoolRecord. Only the last record can be torn (the
// process died while writing it); its page was never confirmed, because the
// next page had not been asked for yet, so dropping it loses nothing.
// Writes reach the operating system at once (no fsync), the same durability
// as the database's WAL in synchronous=NORMAL: a killed process loses
// nothing, a power cut may lose the last moments of both alike.

// spoolError wraps a spool file's error; a full disk reads as
// store.ErrDiskFull, so the account shows the same translated reason as when
// the database itself cannot grow.
func spoolError(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return errors.Join(store.ErrDiskFull, fmt.Errorf("sync: spool: %w", err))
	}
	return fmt.Errorf("sync: spool: %w", err)
}

// spoolRecord is one fetched page in the spool.
type spoolRecord struct {
	Cursor   string              `json:"cursor"`
	Messages []platforms.Message `json:"messages"`
	Skipped  int                 `json:"skipped,omitempty"`
}

// spoolHeader is the size of a record's length and checksum.
const spoolHeader = 8

// maxSpoolRecord bounds a record's payload when reading: a larger length is
// a torn or damaged header, not a page.
const maxSpoolRecord = 256 << 20

// spoolSegmentPages is how many pages a spool segment file holds.
const spoolSegmentPages = 16

// spoolSegmentPath is segment seq of the account's spool in dir.
func spoolSegmentPath(dir string, accountID int64, seq int) string {
	return filepath.Join(dir, fmt.Sprintf("%d-%08d.spool", accountID, seq))
}

// spoolSegments lists the account's segment files in dir, oldest first.
func spoolSegments(dir string, accountID int64) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, strconv.FormatInt(accountID, 10)+"-*.spool"))
	if err != nil {
		return nil, spoolError(err)
	}
	sort.Strings(paths) // the sequence number is zero-padded
	return paths, nil
}

// spoolWriter appends records to an account's spool, segment by segment.
type spoolWriter struct {
	dir       string
	accountID int64
	// seq is the segment being written; inSegment counts its records.
	seq, inSegment int
	f              *os.File
}

// newSpoolWriter prepares to write the account's spool in dir (0700), from segment 0.
func newSpoolWriter(dir string, accountID int64) (*spoolWriter, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, spoolError(err)
	}
	return &spoolWriter{dir: dir, accountID: accountID}, nil
}

// append writes one page as a record in a single write and returns the
// segment it went to.
func (w *spoolWriter) append(page platforms.Page) (int, error) {
	payload, err := json.Marshal(spoolRecord{Cursor: page.Cursor, Messages: page.Messages, Skipped: page.Skipped})
	if err != nil {
		return 0, spoolError(err)
	}
	if w.f != nil && w.inSegment == spoolSegmentPages {
		if err := w.f.Close(); err != nil {
			return 0, spoolError(err)
		}
		w.f, w.seq, w.inSegment = nil, w.seq+1, 0
	}
	if w.f == nil {
		f, err := os.OpenFile(spoolSegmentPath(w.dir, w.accountID, w.seq), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return 0, spoolError(err)
		}
		w.f = f
	}
	buf := make([]byte, spoolHeader, spoolHeader+len(payload))
	binary.LittleEndian.PutUint32(buf[0:4], uint32(len(payload)))
	binary.LittleEndian.PutUint32(buf[4:8], crc32.ChecksumIEEE(payload))
	if _, err := w.f.Write(append(buf, payload...)); err != nil {
		return 0, spoolError(err)
	}
	w.inSegment++
	return w.seq, nil
}

// close closes the open segment (the files stay until they are removed).
func (w *spoolWriter) close() error {
	if w.f == nil {
		return nil
	}
	err := w.f.Close()
	w.f = nil
	return err
}

// removeSpoolBelow deletes the account's segments numbered below seq (all
// of them when seq < 0), whose pages are all stored.
func removeSpoolBelow(dir string, accountID int64, seq int) error {
	paths, err := spoolSegments(dir, accountID)
	if err != nil {
		return err
	}
	for i, p := range paths {
		if seq >= 0 && p >= spoolSegmentPath(dir, accountID, seq) {
			break
		}
		if err := os.Remove(paths[i]); err != nil && !errors.Is(err, os.ErrNotExist) {
			return spoolError(err)
		}
	}
	return nil
}

// spoolState says how an account's spool file ended.
type spoolState int

// How a spool file ended.
const (
	spoolClean   spoolState = iota // every record complete
	spoolTorn                      // the last record was cut short by a crash and dropped
	spoolDamaged                   // a bad record is followed by more data: not a torn write
)

// readSpool returns the complete records of the account's spool, oldest
// first (none when there is no spool), and how it ended. Only the newest
// segment's last record can be torn; a bad record anywhere else makes the
// spool damaged, and reading stops there.
func readSpool(dir string, accountID int64) ([]spoolRecord, spoolState, error) {
	paths, err := spoolSegments(dir, accountID)
	if err != nil {
		return nil, spoolClean, err
	}
	var records []spoolRecord
	for i, path := range paths {
		recs, state, err := readSpoolSegment(path)
		records = append(records, recs...)
		if err != nil {
			return records, spoolClean, err
		}
		if state == spoolTorn && i < len(paths)-1 {
			state = spoolDamaged // a newer segment follows: not a crash's torn write
		}
		if state != spoolClean {
			return records, state, nil
		}
	}
	return records, spoolClean, nil
}

// readSpoolSegment reads one segment file up to its first bad record.
func readSpoolSegment(path string) ([]spoolRecord, spoolState, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, spoolClean, spoolError(err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var records []spoolRecord
	for {
		var header [spoolHeader]byte
		if _, err := io.ReadFull(r, header[:]); err == io.EOF {
			return records, spoolClean, nil
		} else if err != nil {
			return records, spoolTorn, nil // the file ends inside a header
		}
		size := binary.LittleEndian.Uint32(header[0:4])
		if size > maxSpoolRecord {
			return records, endOfBad(r), nil
		}
		payload := make([]byte, size)
		if _, err := io.ReadFull(r, payload); err != nil {
			return records, spoolTorn, nil // the file ends inside the payload
		}
		var rec spoolRecord
		if crc32.ChecksumIEEE(payload) != binary.LittleEndian.Uint32(header[4:8]) || json.Unmarshal(payload, &rec) != nil {
			return records, endOfBad(r), nil
		}
		records = append(records, rec)
	}
}

// endOfBad tells a bad record at the end of the file (torn) from one followed
// by more data (damaged).
func endOfBad(r *bufio.Reader) spoolState {
	if _, err := r.Peek(1); err == io.EOF {
		return spoolTorn
	}
	return spoolDamaged
}

// setAsideSpool renames a damaged spool's segments so that syncing goes on;
// the files are kept for a person to look at.
func setAsideSpool(dir string, accountID int64, suffix string) error {
	paths, err := spoolSegments(dir, accountID)
	if err != nil {
		return err
	}
	for _, p := range paths {
		if err := os.Rename(p, p+".damaged-"+suffix); err != nil {
			return spoolError(err)
		}
	}
	return nil
}
