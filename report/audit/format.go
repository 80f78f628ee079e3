package audit

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// Format names an output format.
type Format string

// Output formats shared by every audit command.
const (
	FormatTable  Format = "table"
	FormatJSON   Format = "json"
	FormatNDJSON Format = "ndjson"
	FormatCSV    Format = "csv"
)

// Formats lists the accepted formats in the order shown in help texts.
var Formats = []Format{FormatTable, FormatJSON, FormatNDJSON, FormatCSV}

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want table, json, ndjson or csv)", s)
}

// RecordWriter renders records as they arrive. Streaming formats (ndjson,
// csv, json) write each record at once; the table format has to see every
// row to size its columns and writes on Close.
type RecordWriter interface {
	WriteRecord(r *Record) error
	Close() error
}

// NewRecordWriter returns the writer for format.
func NewRecordWriter(format Format, w io.Writer) (RecordWriter, error) {
	switch format {
	case FormatNDJSON:
		return &ndjsonWriter{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case FormatJSON:
		return &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}, nil
	case FormatCSV:
		return &csvWriter{w: csv.NewWriter(w)}, nil
	case FormatTable, "":
		return &tableWriter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

var (
	_ RecordWriter = (*ndjsonWriter)(nil)
	_ RecordWriter = (*jsonWriter)(nil)
	_ RecordWriter = (*csvWriter)(nil)
	_ RecordWriter = (*tableWriter)(nil)
)

type ndjsonWriter struct {
	w *bufio.Writer
}

func (n *ndjsonWriter) WriteRecord(r *Record) error {
	r.Normalize()
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	b = append(b, '\n')
	_, err = n.w.Write(b)
	return err
}

func (n *ndjsonWriter) Close() error { return n.w.Flush() }

// jsonWriter streams a JSON array so memory stays flat on big answers.
type jsonWriter struct {
	w       *bufio.Writer
	started bool
}

func (j *jsonWriter) WriteRecord(r *Record) error {
	r.Normalize()
	b, err := json.MarshalIndent(r, "  ", "  ")
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	sep := ",\n  "
	if !j.started {
		sep = "[\n  "
		j.started = true
	}
	if _, err := j.w.WriteString(sep); err != nil {
		return err
	}
	_, err = j.w.Write(b)
	return err
}

func (j *jsonWriter) Close() error {
	end := "\n]\n"
	if !j.started {
		end = "[]\n"
	}
	if _, err := j.w.WriteString(end); err != nil {
		return err
	}
	return j.w.Flush()
}

// recordColumns are the flat columns of the CSV format: every key of the
// JSON contract, nested objects flattened with a dot.
var recordColumns = []string{
	"time", "request_id", "operation", "path", "mount_point", "mount_type", "outcome", "error",
	"identity.display_name", "identity.entity_id", "identity.auth_method", "identity.role",
	"identity.metadata", "identity.policies", "token.accessor", "token.type", "token.ttl",
	"remote_address", "remote_port", "user_agent",
}

type csvWriter struct {
	w       *csv.Writer
	started bool
}

func (c *csvWriter) WriteRecord(r *Record) error {
	if !c.started {
		c.started = true
		if err := c.w.Write(recordColumns); err != nil {
			return err
		}
	}
	row := []string{
		formatTime(r.Time), r.RequestID, r.Operation, r.Path, r.MountPoint, r.MountType,
		string(r.Outcome), r.Error,
		r.Identity.DisplayName, r.Identity.EntityID, r.Identity.AuthMethod, r.Identity.Role,
		r.Identity.MetadataString(), strings.Join(r.Identity.Policies, " "),
		r.Token.Accessor, r.Token.Type, strconv.FormatInt(r.Token.TTL, 10),
		r.RemoteAddress, portString(r.RemotePort), r.UserAgent,
	}
	// CSV gets cat'ed to terminals and opened in spreadsheets: control
	// characters from the log are escaped, one record stays one line.
	for i, f := range row {
		row[i] = Printable(f)
	}
	return c.w.Write(row)
}

func (c *csvWriter) Close() error {
	if !c.started {
		if err := c.w.Write(recordColumns); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

type tableWriter struct {
	w    io.Writer
	rows [][]string
}

func (t *tableWriter) WriteRecord(r *Record) error {
	outcome := string(r.Outcome)
	if r.Outcome == OutcomeDenied {
		outcome = "DENIED"
	}
	from := r.RemoteAddress
	if r.RemotePort != 0 {
		from += ":" + strconv.Itoa(r.RemotePort)
	}
	t.rows = append(t.rows, []string{
		tableTime(r.Time), outcome, r.Operation, r.Path, r.Identity.Who(), r.Identity.AuthMethod,
		from, ShortAccessor(r.Token.Accessor), firstLine(r.Error),
	})
	return nil
}

func (t *tableWriter) Close() error {
	if len(t.rows) == 0 {
		_, err := io.WriteString(t.w, "no matching accesses\n")
		return err
	}
	return renderTable(t.w, []string{"time", "outcome", "op", "path", "who", "auth", "from", "accessor", "error"}, t.rows)
}

func renderTable(w io.Writer, header []string, rows [][]string) error {
	tbl := tablewriter.NewTable(w,
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tbl.Header(header)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = Printable(c)
		}
		if err := tbl.Append(clean); err != nil {
			return fmt.Errorf("render table: %w", err)
		}
	}
	if err := tbl.Render(); err != nil {
		return fmt.Errorf("render table: %w", err)
	}
	return nil
}

// Printable makes a log-controlled string safe to print on a terminal:
// control characters and invalid UTF-8 are escaped so a crafted path cannot
// move the cursor or rewrite earlier lines of a responder's screen.
func Printable(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !unicode.IsPrint(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// ShortAccessor keeps an hmac'd accessor recognisable in a narrow column.
func ShortAccessor(a string) string {
	const p = "hmac-sha256:"
	if strings.HasPrefix(a, p) && len(a) > len(p)+12 {
		return p + a[len(p):len(p)+12] + "…"
	}
	return a
}

func firstLine(s string) string {
	// Vault's multierror form is "1 error occurred:\n\t* permission denied\n\n";
	// a table cell shows the causes on one line.
	if !strings.Contains(s, "\n") {
		return s
	}
	var causes []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "* ") {
			causes = append(causes, strings.TrimPrefix(l, "* "))
		}
	}
	if len(causes) == 0 {
		return strings.ReplaceAll(strings.TrimSpace(s), "\n", " ")
	}
	return strings.Join(causes, "; ")
}

// tableTime is millisecond precision: enough to tell requests apart on a
// screen, short enough to leave room for the path.
func tableTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000Z")
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func portString(p int) string {
	if p == 0 {
		return ""
	}
	return strconv.Itoa(p)
}

// WriteReport renders a report in format.
func WriteReport(format Format, w io.Writer, rep *Report) error {
	switch format {
	case FormatJSON:
		b, err := json.MarshalIndent(reportJSON(rep), "", "  ")
		if err != nil {
			return fmt.Errorf("encode report: %w", err)
		}
		_, err = w.Write(append(b, '\n'))
		return err
	case FormatNDJSON:
		bw := bufio.NewWriter(w)
		for _, t := range rep.Tables {
			for _, row := range t.Rows {
				b, err := json.Marshal(rowObject("table", t.Name, t.Columns, row))
				if err != nil {
					return fmt.Errorf("encode report row: %w", err)
				}
				if _, err := bw.Write(append(b, '\n')); err != nil {
					return err
				}
			}
		}
		return bw.Flush()
	case FormatCSV:
		cw := csv.NewWriter(w)
		for i, t := range rep.Tables {
			if i > 0 {
				_ = cw.Write(nil)
			}
			_ = cw.Write(append([]string{"table"}, t.Columns...))
			for _, row := range t.Rows {
				rec := []string{t.Name}
				for _, c := range row {
					rec = append(rec, cellString(c))
				}
				_ = cw.Write(rec)
			}
		}
		cw.Flush()
		return cw.Error()
	case FormatTable, "":
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "Vault audit report: %s .. %s\n", orDash(formatTime(rep.First)), orDash(formatTime(rep.Last)))
		for _, t := range rep.Tables {
			fmt.Fprintf(&buf, "\n%s\n", t.Title)
			if len(t.Rows) == 0 {
				buf.WriteString("  (none)\n")
				continue
			}
			rows := make([][]string, len(t.Rows))
			for i, r := range t.Rows {
				rows[i] = make([]string, len(r))
				for j, c := range r {
					rows[i][j] = cellString(c)
				}
			}
			if err := renderTable(&buf, t.Columns, rows); err != nil {
				return err
			}
			if t.Omitted > 0 {
				fmt.Fprintf(&buf, "  … %d more (raise --top)\n", t.Omitted)
			}
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	return fmt.Errorf("unknown format %q", format)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func cellString(c any) string {
	switch v := c.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case time.Time:
		return formatTime(v)
	case []string:
		return strings.Join(v, " ")
	}
	return fmt.Sprint(c)
}

// orderedObject marshals as a JSON object whose keys keep column order.
type orderedObject struct {
	keys []string
	vals []any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func rowObject(firstKey, firstVal string, cols []string, row []any) orderedObject {
	o := orderedObject{}
	if firstKey != "" {
		o.keys = append(o.keys, firstKey)
		o.vals = append(o.vals, firstVal)
	}
	for i, c := range cols {
		o.keys = append(o.keys, c)
		if i < len(row) {
			o.vals = append(o.vals, row[i])
		} else {
			o.vals = append(o.vals, nil)
		}
	}
	return o
}

type tableJSON struct {
	Name    string          `json:"name"`
	Title   string          `json:"title"`
	Columns []string        `json:"columns"`
	Rows    []orderedObject `json:"rows"`
	Omitted int64           `json:"omitted"`
}

type reportJSONShape struct {
	First  *time.Time  `json:"first_entry"`
	Last   *time.Time  `json:"last_entry"`
	Tables []tableJSON `json:"tables"`
}

func reportJSON(rep *Report) reportJSONShape {
	out := reportJSONShape{Tables: []tableJSON{}}
	if !rep.First.IsZero() {
		out.First, out.Last = &rep.First, &rep.Last
	}
	for _, t := range rep.Tables {
		tj := tableJSON{Name: t.Name, Title: t.Title, Columns: t.Columns, Omitted: t.Omitted, Rows: []orderedObject{}}
		for _, r := range t.Rows {
			tj.Rows = append(tj.Rows, rowObject("", "", t.Columns, r))
		}
		out.Tables = append(out.Tables, tj)
	}
	return out
}

// WriteSummary prints a run summary for humans; cmd sends it to stderr.
func WriteSummary(w io.Writer, s *Summary) error {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d file(s), %s, %d lines, %d entries", s.Files, humanBytes(s.Bytes), s.Lines, s.Entries)
	if s.Prefiltered > 0 {
		fmt.Fprintf(&b, " (%d lines skipped by the byte pre-filter)", s.Prefiltered)
	}
	fmt.Fprintf(&b, "; %d record(s)", s.Records)
	if s.Elapsed != "" {
		fmt.Fprintf(&b, " in %s", s.Elapsed)
	}
	b.WriteByte('\n')
	if s.Duplicates > 0 {
		fmt.Fprintf(&b, "%d duplicate entries (same request.id and type from another device) ignored\n", s.Duplicates)
	}
	if s.NoResponse > 0 {
		fmt.Fprintf(&b, "%d request(s) had no response entry in the log (outcome no_response)\n", s.NoResponse)
	}
	if s.OrphanResponse > 0 {
		fmt.Fprintf(&b, "%d response(s) had no request entry in the log (reported from the response alone)\n", s.OrphanResponse)
	}
	if s.Redacted > 0 {
		fmt.Fprintf(&b, "%d raw secret value(s) redacted from the output (log written with log_raw=true?)\n", s.Redacted)
	}
	if s.Malformed > 0 {
		fmt.Fprintf(&b, "WARNING: %d malformed or truncated entr(y/ies) skipped:\n", s.Malformed)
		for _, m := range s.MalformedLines {
			fmt.Fprintf(&b, "  %s:%d: %s\n", Printable(m.File), m.Line, Printable(m.Reason))
		}
		if int64(len(s.MalformedLines)) < s.Malformed {
			fmt.Fprintf(&b, "  … and %d more\n", s.Malformed-int64(len(s.MalformedLines)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
