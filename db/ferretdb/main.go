// Command ferretdb-sop runs an embedded FerretDB 1.24 (SQLite backend) on a loopback port.
// Usage: ferretdb-sop -dir DATA_DIR -listen 127.0.0.1:PORT [-watch-parent]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	dir := flag.String("dir", "", "data directory (created if missing)")
	listen := flag.String("listen", "127.0.0.1:27017", "TCP listen address")
	watchParent := flag.Bool("watch-parent", false, "stop when the parent process exits")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb-sop: -dir is required")
		os.Exit(2)
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sop:", err)
		os.Exit(2)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sop:", err)
		os.Exit(2)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/?_pragma=synchronous(normal)",
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb-sop:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Exit with the process that started us, so a crashed test run or demo never leaves a server behind.
	if *watchParent {
		parent := os.Getppid()
		go func() {
			for range time.Tick(500 * time.Millisecond) {
				if os.Getppid() != parent {
					stop()
					return
				}
			}
		}()
	}
	fmt.Println("ferretdb-sop: listening on", *listen)
	f.Run(ctx)
}
