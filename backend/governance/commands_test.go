package governance

import "testing"

func TestStopAndStartInEachLanguage(t *testing.T) {
	cases := []struct {
		text string
		want Command
	}{
		{"STOP", CommandStop}, {"stop.", CommandStop}, {"Unsubscribe please", CommandStop}, {"START", CommandStart},
		{"退订", CommandStop}, {"取消订阅", CommandStop}, {"订阅", CommandStart}, {"开始", CommandStart},
		{"退訂", CommandStop}, {"取消訂閱", CommandStop}, {"訂閱", CommandStart}, {"開始", CommandStart},
		{"Dezabonare", CommandStop}, {"DEZABONEAZĂ-MĂ", CommandStop}, {"dezaboneaza-ma", CommandStop}, {"STOP", CommandStop},
		{"renunt", CommandStop}, {"Pornește", CommandStart}, {"porneste", CommandStart}, {"abonare", CommandStart},
		{"बंद करें", CommandStop}, {"रोको", CommandStop}, {"शुरू करें", CommandStart}, {"सब्सक्राइब", CommandStart},
		// Not commands: the word inside an ordinary sentence.
		{"don't stop posting!", CommandNone}, {"stop by the shop on friday", CommandNone}, {"什么时候开始直播", CommandNone},
		{"when does it start?", CommandNone}, {"", CommandNone},
	}
	for _, tc := range cases {
		if got, _ := DetectCommand(tc.text); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
