// go-hello: a tiny HTTP service for a scratch image. No dependencies, so it builds without network. It has no health
// code: the image's HEALTHCHECK is the template's static probe connecting to its port.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"syscall"
)

// machine reports the kernel's idea of the CPU (uname -m); under QEMU user emulation this is the emulated one.
func machine() string {
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return "unknown"
	}
	b := make([]byte, 0, len(u.Machine))
	for _, c := range u.Machine {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	addr := flag.String("listen", ":"+port, "address to listen on")
	arch := flag.Bool("arch", false, "print uname -m and exit")
	flag.Parse()

	if *arch {
		fmt.Println(machine())
		return
	}

	http.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte("ok\n"))
	})
	http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{
			"message": "hello from go-hello",
			"goarch":  runtime.GOARCH,
			"machine": machine(),
		})
	})
	fmt.Println("listening on", *addr)
	if err := http.ListenAndServe(*addr, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
