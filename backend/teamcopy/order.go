package teamcopy

import (
	"sort"

	"creatordesk/backend/store"
)

// copyOrder sorts tables so that every table comes after the tables its
// foreign keys reference (ties by name, so the order is stable). Tables in a
// reference cycle, which the schema does not have today, follow in name order.
func copyOrder(tables []store.CopyTable) []store.CopyTable {
	byName := map[string]store.CopyTable{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	waiting := map[string]int{}
	children := map[string][]string{}
	for _, t := range tables {
		for _, p := range t.Parents {
			if _, ok := byName[p]; ok {
				waiting[t.Name]++
				children[p] = append(children[p], t.Name)
			}
		}
	}
	var ready []string
	for _, t := range tables {
		if waiting[t.Name] == 0 {
			ready = append(ready, t.Name)
		}
	}
	out := make([]store.CopyTable, 0, len(tables))
	placed := map[string]bool{}
	for len(ready) > 0 {
		sort.Strings(ready)
		name := ready[0]
		ready = ready[1:]
		out = append(out, byName[name])
		placed[name] = true
		for _, c := range children[name] {
			if waiting[c]--; waiting[c] == 0 {
				ready = append(ready, c)
			}
		}
	}
	var rest []string
	for _, t := range tables {
		if !placed[t.Name] {
			rest = append(rest, t.Name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		out = append(out, byName[name])
	}
	return out
}
