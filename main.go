// Command creatordesk is the CreatorDesk desktop app and its command line.
// main only wires the process to the cli package.
package main

import (
	"embed"
	"io/fs"
	"os"

	"creatordesk/cli"
)

// frontendDist is the built Vue frontend (make frontend writes it).
//
//go:embed all:frontend/dist
var frontendDist embed.FS

func main() {
	assets, err := fs.Sub(frontendDist, "frontend/dist")
	if err != nil {
		panic(err)
	}
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Assets: assets}))
}
