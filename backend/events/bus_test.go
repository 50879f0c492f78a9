package events

import "testing"

func TestPublishSubscribeUnsubscribe(t *testing.T) {
	b := New()
	var got []int64
	unsub := b.Subscribe(AccountChanged, func(p any) { got = append(got, p.(AccountChangedPayload).AccountID) })
	b.Subscribe(MessagesStored, func(any) { t.Fatal("wrong topic delivered") })
	b.Publish(AccountChanged, AccountChangedPayload{AccountID: 1})
	unsub()
	b.Publish(AccountChanged, AccountChangedPayload{AccountID: 2})
	if len(got) != 1 || got[0] != 1 {
		t.Fatalf("got %v", got)
	}
}
