package mastodon

import "testing"

func TestHTMLToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"empty paragraph", "<p></p>", ""},
		{"entities", "<p>Fish &amp; chips &lt;3 &quot;yes&quot; &#39;ok&#x27; caf&eacute;&hellip; &amp;amp;</p>", `Fish & chips <3 "yes" 'ok' café… &amp;`},
		{"line breaks in every spelling", "<p>one<br>two<br/>three<br />four<BR>five</p>", "one\ntwo\nthree\nfour\nfive"},
		{"paragraphs keep the blank line", "<p>first</p><p>second</p><p>third</p>", "first\n\nsecond\n\nthird"},
		{"double break", "<p>a<br><br>b</p>", "a\n\nb"},
		{"break at the end of a paragraph", "<p>a<br></p><p>b</p>", "a\n\nb"},
		{"whitespace between blocks", "<p>a</p>\n  <p>b</p>\n", "a\n\nb"},
		{"escaped script stays text", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", "<script>alert(1)</script>"},
		{"raw script keeps its text, not its tags", `<p>hi</p><script>if (a<b && c>d) alert("x")</script>`, "hi\n\nif (a<b && c>d) alert(\"x\")"},
		{"raw style", "<style>p{color:red}</style><p>x</p>", "p{color:red}\n\nx"},
		{"textarea decodes references", "<textarea>a &amp; <b>b</b></textarea>", "a & <b>b</b>"},
		{"mention h-card", `<p><span class="h-card" translate="no"><a href="https://mastodon.social/@alice" class="u-url mention">@<span>alice</span></a></span> hi</p>`, "@alice hi"},
		{"shortened link comes back whole", `<p><a href="https://example.com/a-very-long-path-that-goes-on" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a-very-long-path-t</span><span class="invisible">hat-goes-on</span></a></p>`, "https://example.com/a-very-long-path-that-goes-on"},
		{"hashtag", `<p><a href="https://m.example/tags/art" class="mention hashtag" rel="tag">#<span>art</span></a></p>`, "#art"},
		{"quote fallback", `<p class="quote-inline">RE: <a href="https://x.example/1">https://x.example/1</a></p><p>so true</p>`, "RE: https://x.example/1\n\nso true"},
		{"list", "<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"},
		{"blockquote", "<blockquote><p>quoted</p></blockquote><p>reply</p>", "quoted\n\nreply"},
		{"upper-case tags", "<P>A<BR>B</P>", "A\nB"},
		{"comment vanishes", "<p>a<!-- secret <p> --> b</p>", "a b"},
		{"doctype and processing instruction vanish", "<!DOCTYPE html><?xml version='1.0'?><p>x</p>", "x"},
		{"quoted attribute may hold >", `<a title="x>y" href='a>b'>link</a>`, "link"},
		{"stray less-than is text", "a < b and 3<4 <= 5", "a < b and 3<4 <= 5"},
		{"greater-than is text", "a > b", "a > b"},
		{"unknown tags dropped, text kept", "<p><x-thing a=1>inside</x-thing> <img src=x onerror=alert(1)>done</p>", "inside done"},
		{"tag cut off at the end", `text <a href="x`, "text"},
		{"comment cut off at the end", "text <!-- never closed", "text"},
		{"empty end tag", "a</>b", "ab"},
		{"bogus end tag", "a</ b>c", "ac"},
		{"raw text newlines kept", "<p>line\nnext</p>", "line\nnext"},
		{"bare text", "just text &amp; more", "just text & more"},
		{"nbsp is kept inside", "<p>a&nbsp;b</p>", "a\u00a0b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlToText(tt.in); got != tt.want {
				t.Fatalf("htmlToText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
