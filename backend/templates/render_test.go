package templates

import (
	"errors"
	"reflect"
	"testing"

	"creatordesk/backend/store"
)

func TestRenderBodyFillsFallsBackAndReportsGaps(t *testing.T) {
	body := "Hi {first_name|there}! Order {order_id} for {product_name|your piece}. {order_id} again. — {agent_name}"
	cases := []struct {
		name    string
		values  map[string]string
		text    string
		missing []string
	}{
		{"all values", map[string]string{"first_name": "Ana", "order_id": "#1042", "product_name": "Mug", "agent_name": "Dana"},
			"Hi Ana! Order #1042 for Mug. #1042 again. — Dana", nil},
		{"fallbacks and gaps", map[string]string{},
			"Hi there! Order {order_id} for your piece. {order_id} again. — {agent_name}", []string{"order_id", "agent_name"}},
		{"blank values count as none", map[string]string{"first_name": "  ", "order_id": "\t", "agent_name": "Dana"},
			"Hi there! Order {order_id} for your piece. {order_id} again. — Dana", []string{"order_id"}},
		{"values are trimmed", map[string]string{"first_name": " Ana ", "order_id": "7", "agent_name": "Dana "},
			"Hi Ana! Order 7 for your piece. 7 again. — Dana", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := RenderBody(body, c.values)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != c.text || !reflect.DeepEqual(r.Missing, c.missing) {
				t.Fatalf("got %q missing %v", r.Text, r.Missing)
			}
			if got := UnfilledTokens(r.Text); !reflect.DeepEqual(got, c.missing) {
				t.Fatalf("UnfilledTokens(rendered) = %v, want %v", got, c.missing)
			}
		})
	}
}

func TestRenderBodyRefusesABrokenBody(t *testing.T) {
	_, err := RenderBody("Hi {first_name", nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Kind != ProblemUnclosed {
		t.Fatalf("err %v", err)
	}
}

func variants(langs ...string) []store.TemplateVariant {
	var out []store.TemplateVariant
	for _, l := range langs {
		out = append(out, store.TemplateVariant{Language: l, Body: "body " + l})
	}
	return out
}

func TestChooseVariantFollowsTheFallbackOrder(t *testing.T) {
	cases := []struct {
		name     string
		have     []store.TemplateVariant
		prefs    LanguagePrefs
		lang, by string
	}{
		{"explicit wins", variants("en", "ro"), LanguagePrefs{Explicit: "ro", Conversation: "en"}, "ro", ChosenExplicit},
		{"conversation", variants("en", "zh-Hans", "hi"), LanguagePrefs{Conversation: "hi", Contact: "zh-Hans"}, "hi", ChosenConversation},
		{"contact when the conversation's is missing", variants("en", "ro"), LanguagePrefs{Conversation: "hi", Contact: "ro-RO"}, "ro", ChosenContact},
		{"contact tag normalized to Traditional", variants("en", "zh-Hant"), LanguagePrefs{Contact: "zh-TW"}, "zh-Hant", ChosenContact},
		{"workspace default", variants("en", "zh-Hant"), LanguagePrefs{Conversation: "ro", Workspace: "zh-Hant"}, "zh-Hant", ChosenWorkspace},
		{"english", variants("hi", "en"), LanguagePrefs{Conversation: "ro", Workspace: "zh-Hans"}, "en", ChosenEnglish},
		{"any, in language order", variants("hi", "zh-Hant"), LanguagePrefs{Conversation: "ro"}, "zh-Hant", ChosenAny},
		{"blank bodies are skipped", append(variants("ro"), store.TemplateVariant{Language: "en", Body: "  "}), LanguagePrefs{Conversation: "en"}, "ro", ChosenAny},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lang, by, body, err := ChooseVariant(c.have, c.prefs)
			if err != nil || lang != c.lang || by != c.by || body != "body "+c.lang {
				t.Fatalf("got %s by %s (%q, %v)", lang, by, body, err)
			}
		})
	}
	if _, _, _, err := ChooseVariant(nil, LanguagePrefs{}); !errors.Is(err, ErrNoVariant) {
		t.Fatalf("no variants: %v", err)
	}
}

func TestRenderSaysWhichVariantAndWhy(t *testing.T) {
	tpl := store.Template{Variants: []store.TemplateVariant{
		{Language: "en", Body: "Hi {first_name|there}"}, {Language: "ro", Body: "Bună {first_name|ziua}"}}}
	r, err := Render(tpl, LanguagePrefs{Conversation: "ro"}, map[string]string{"first_name": "Ioana"})
	if err != nil || r.Text != "Bună Ioana" || r.Language != "ro" || r.LanguageReason != ChosenConversation {
		t.Fatalf("%+v %v", r, err)
	}
	broken := store.Template{Variants: []store.TemplateVariant{{Language: "hi", Body: "{nope}"}}}
	_, err = Render(broken, LanguagePrefs{}, nil)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Language != "hi" {
		t.Fatalf("broken variant: %v", err)
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "EN-us": "en", "ro_RO": "ro", "hi-IN": "hi", "zh": "zh-Hans", "zh-CN": "zh-Hans",
		"zh-Hans-SG": "zh-Hans", "zh-hant": "zh-Hant", "zh-HK": "zh-Hant", "zh-Hant-TW": "zh-Hant", "de": "", "": ""} {
		if got := NormalizeLanguage(in); got != want {
			t.Errorf("NormalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
