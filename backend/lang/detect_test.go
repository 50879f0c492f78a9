package lang

import "testing"

func TestDetect(t *testing.T) {
	cases := []struct{ text, hint, want string }{
		{"Hi! When will my order ship?", "", English},
		{"Just got my mugs and they're even prettier in person!!", "", English},
		{"Unde este coletul meu?", "", Romanian},
		{"Bună, când ajunge comanda mea?", "", Romanian},
		{"buna, vreau sa stiu pretul pentru tricou", "", Romanian},
		{"请问这个多少钱？什么时候发货", "", ChineseSimplified},
		{"請問這個多少錢？什麼時候發貨", "", ChineseTraditional},
		{"क्या यह अभी उपलब्ध है?", "", Hindi},
		{"👍", "ro", Romanian},
		{"👍", "", ""},
		{"你好", "zh-hant", ChineseTraditional},
		{"我的订单 1234 ok 吗", "", ChineseSimplified},
		{"Order 1234 ok? 谢谢", "", English},
	}
	for _, c := range cases {
		if got := Detect(c.text, c.hint); got != c.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", c.text, c.hint, got, c.want)
		}
	}
}
