package telegramfake

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strconv"
)

// params are a call's arguments from the query string, a form body or a JSON
// body. Values are kept as text; JSON strings are unquoted and other JSON
// values (numbers, objects, arrays) keep their JSON text, which is also how
// Telegram expects objects in form fields.
type params map[string]string

// maxParamsBody caps a request body.
const maxParamsBody = 1 << 20

// parseParams merges the query string with a form or JSON body.
func parseParams(r *http.Request) (params, error) {
	p := params{}
	for k, v := range r.URL.Query() {
		p[k] = v[0]
	}
	if r.Body == nil || r.ContentLength == 0 {
		return p, nil
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "application/json":
		var body map[string]json.RawMessage
		if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxParamsBody)).Decode(&body); err != nil {
			return nil, errors.New("can't parse JSON body")
		}
		for k, raw := range body {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				p[k] = s
			} else {
				p[k] = string(raw)
			}
		}
	case "application/x-www-form-urlencoded", "multipart/form-data":
		r.Body = http.MaxBytesReader(nil, r.Body, maxParamsBody)
		if err := r.ParseMultipartForm(maxParamsBody); err != nil && !errors.Is(err, http.ErrNotMultipart) {
			return nil, errors.New("can't parse form body")
		}
		for k, v := range r.PostForm {
			p[k] = v[0]
		}
	}
	return p, nil
}

// integer returns an integer parameter, or def when it is absent.
func (p params) integer(name string, def int64) (int64, error) {
	v, ok := p[name]
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("field %q must be an integer", name)
	}
	return n, nil
}

// object decodes a JSON object parameter into v; absent leaves v unchanged.
func (p params) object(name string, v any) error {
	raw, ok := p[name]
	if !ok || raw == "" {
		return nil
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		return fmt.Errorf("can't parse %s JSON object", name)
	}
	return nil
}
