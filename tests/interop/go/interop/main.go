// Command interop is the Go side of ErrorSdk's live interop tests, built with Debian's grpc-go and genproto
// (GO111MODULE=off GOPATH=<dir>:/usr/share/gocode). It is driven by the conformance vectors that
// `errorsdk emit vectors` writes, and raises and reads errors only through the package `errorsdk emit go
// --package taxonomy` generated from the same taxonomy, placed at <dir>/src/errorsdk.dev/interop/taxonomy.
//
//	interop -mode server -vectors FILE          serve every vector as the generated error (taxonomy.Create); prints "PORT <n>"
//	interop -mode client -vectors FILE -port N  call every vector's method; check the wire and the generated error
//
// Each kind is one method, /errorsdk.interop.v1.Conformance/<REASON>, whose request and response are empty.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/ioutil"
	"net"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/golang/protobuf/ptypes"
	"github.com/golang/protobuf/ptypes/empty"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"errorsdk.dev/interop/taxonomy"
)

const methodPrefix = "/errorsdk.interop.v1.Conformance/"

type code struct {
	Name  string `json:"name"`
	Value int32  `json:"value"`
}

type vector struct {
	Reason     string            `json:"reason"`
	Domain     string            `json:"domain"`
	Code       code              `json:"code"`
	Retry      string            `json:"retry"`
	RetryAfter *string           `json:"retryAfter"`
	Message    string            `json:"message"`
	Metadata   map[string]string `json:"metadata"`
	HTTPStatus int               `json:"httpStatus"`
	Ancestors  []string          `json:"ancestors"`
}

type vectorFile struct {
	Format  string   `json:"format"`
	Vectors []vector `json:"vectors"`
}

func main() {
	mode := flag.String("mode", "", "server or client")
	vectorsPath := flag.String("vectors", "", "path of the conformance vectors JSON")
	port := flag.Int("port", 0, "server port (client mode)")
	flag.Parse()

	vectors, err := load(*vectorsPath)
	if err != nil {
		fail("reading vectors: %v", err)
	}

	switch *mode {
	case "server":
		serve(vectors)
	case "client":
		os.Exit(check(vectors, *port))
	default:
		fail("unknown -mode %q (server or client)", *mode)
	}
}

func load(path string) (map[string]vector, error) {
	data, err := ioutil.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file vectorFile
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, err
	}
	if file.Format != "errorsdk.conformance.v1" {
		return nil, fmt.Errorf("unexpected format %q", file.Format)
	}
	vectors := make(map[string]vector, len(file.Vectors))
	for _, v := range file.Vectors {
		vectors[v.Reason] = v
	}
	return vectors, nil
}

func serve(vectors map[string]vector) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listen: %v", err)
	}
	server := grpc.NewServer(grpc.UnknownServiceHandler(func(_ interface{}, stream grpc.ServerStream) error {
		method, _ := grpc.MethodFromServerStream(stream)
		v, ok := vectors[strings.TrimPrefix(method, methodPrefix)]
		if !ok || !strings.HasPrefix(method, methodPrefix) {
			return status.Errorf(codes.Unimplemented, "no vector for method %s", method)
		}
		var options []taxonomy.Option
		if v.RetryAfter != nil {
			delay, err := time.ParseDuration(*v.RetryAfter)
			if err != nil {
				return status.Errorf(codes.Internal, "retry delay of %s: %v", v.Reason, err)
			}
			options = append(options, taxonomy.WithRetryAfter(delay))
		}
		typed := taxonomy.Create(v.Reason, v.Metadata, options...)
		if typed == nil {
			return status.Errorf(codes.Unimplemented, "the generated package has no concrete kind %s", v.Reason)
		}
		// Returning the generated error is all a handler does: grpc-go sends its GRPCStatus().
		return typed
	}))
	fmt.Printf("PORT %d\n", listener.Addr().(*net.TCPAddr).Port)
	os.Stdout.Sync()
	if err := server.Serve(listener); err != nil {
		fail("serve: %v", err)
	}
}

func check(vectors map[string]vector, port int) int {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn, err := grpc.DialContext(ctx, fmt.Sprintf("127.0.0.1:%d", port), grpc.WithInsecure(), grpc.WithBlock())
	if err != nil {
		fail("dial: %v", err)
	}
	defer conn.Close()

	failures := 0
	for reason, v := range vectors {
		callCtx, callCancel := context.WithTimeout(ctx, 10*time.Second)
		err := conn.Invoke(callCtx, methodPrefix+reason, &empty.Empty{}, &empty.Empty{})
		callCancel()
		for _, problem := range append(compare(v, err), checkTyped(v, err)...) {
			failures++
			fmt.Printf("MISMATCH %s: %s\n", reason, problem)
		}
	}
	fmt.Printf("CHECKED %d vectors, %d mismatches\n", len(vectors), failures)
	if failures > 0 {
		return 1
	}
	return 0
}

// compare decodes what grpc-go made of the response: code, message, and the details of grpc-status-details-bin.
func compare(v vector, err error) []string {
	var problems []string
	if err == nil {
		return []string{"the call succeeded; expected an error"}
	}
	st, ok := status.FromError(err)
	if !ok {
		return []string{fmt.Sprintf("not a gRPC status error: %v", err)}
	}
	if int32(st.Code()) != v.Code.Value {
		problems = append(problems, fmt.Sprintf("code %d (%s), expected %d (%s)", st.Code(), st.Code(), v.Code.Value, v.Code.Name))
	}
	if st.Message() != v.Message {
		problems = append(problems, fmt.Sprintf("message %q, expected %q", st.Message(), v.Message))
	}
	var info *errdetails.ErrorInfo
	var retry *errdetails.RetryInfo
	for _, detail := range st.Proto().GetDetails() {
		switch {
		case ptypes.Is(detail, &errdetails.ErrorInfo{}):
			decoded := &errdetails.ErrorInfo{}
			if err := ptypes.UnmarshalAny(detail, decoded); err != nil {
				problems = append(problems, fmt.Sprintf("ErrorInfo does not decode: %v", err))
			} else if info == nil {
				info = decoded
			}
		case ptypes.Is(detail, &errdetails.RetryInfo{}):
			decoded := &errdetails.RetryInfo{}
			if err := ptypes.UnmarshalAny(detail, decoded); err != nil {
				problems = append(problems, fmt.Sprintf("RetryInfo does not decode: %v", err))
			} else if retry == nil {
				retry = decoded
			}
		}
	}
	if info == nil {
		problems = append(problems, "no ErrorInfo in grpc-status-details-bin")
	} else {
		if info.GetReason() != v.Reason || info.GetDomain() != v.Domain {
			problems = append(problems, fmt.Sprintf("ErrorInfo (%s, %s), expected (%s, %s)", info.GetReason(), info.GetDomain(), v.Reason, v.Domain))
		}
		if !sameMetadata(info.GetMetadata(), v.Metadata) {
			problems = append(problems, fmt.Sprintf("metadata %v, expected %v", info.GetMetadata(), v.Metadata))
		}
	}
	switch {
	case v.RetryAfter == nil && retry != nil:
		problems = append(problems, "unexpected RetryInfo")
	case v.RetryAfter != nil && retry == nil:
		problems = append(problems, "no RetryInfo, expected "+*v.RetryAfter)
	case v.RetryAfter != nil:
		expected, _ := time.ParseDuration(*v.RetryAfter)
		actual, err := ptypes.Duration(retry.GetRetryDelay())
		if err != nil || actual != expected {
			problems = append(problems, fmt.Sprintf("retry delay %v, expected %v", actual, expected))
		}
	}
	return problems
}

// checkTyped promotes the call's error with the generated package and checks what a Go caller reads: the concrete
// type (by its Reason), errors.Is on every ancestor and on nothing else (through %w wrapping), errors.As, the code,
// HTTP status, retry policy and delay, message and fields.
func checkTyped(v vector, err error) []string {
	if err == nil {
		return nil
	}
	var problems []string
	wrapped := fmt.Errorf("calling %s: %w", v.Reason, taxonomy.FromError(err))
	var typed taxonomy.Error
	if !errors.As(wrapped, &typed) {
		return []string{fmt.Sprintf("FromError gave %T, not a taxonomy.Error", taxonomy.FromError(err))}
	}
	if typed.Reason().String() != v.Reason {
		problems = append(problems, fmt.Sprintf("promoted to %T (%s), expected the type of %s", typed, typed.Reason(), v.Reason))
	}
	expected := map[string]bool{v.Reason: true}
	for _, ancestor := range v.Ancestors {
		expected[ancestor] = true
	}
	for _, reason := range taxonomy.Reasons() {
		if errors.Is(wrapped, reason.Sentinel()) != expected[reason.String()] {
			problems = append(problems, fmt.Sprintf("category errors.Is(err, %s) = %v, expected %v", reason, !expected[reason.String()], expected[reason.String()]))
		}
	}
	if int32(typed.Code()) != v.Code.Value || typed.HTTPStatus() != v.HTTPStatus {
		problems = append(problems, fmt.Sprintf("typed code/http %v/%d, expected %s/%d", typed.Code(), typed.HTTPStatus(), v.Code.Name, v.HTTPStatus))
	}
	if taxonomy.RetryPolicy(wrapped).String() != v.Retry {
		problems = append(problems, fmt.Sprintf("typed retry policy %s, expected %s", taxonomy.RetryPolicy(wrapped), v.Retry))
	}
	delay, hasDelay := taxonomy.RetryAfter(wrapped)
	if v.RetryAfter == nil && hasDelay {
		problems = append(problems, fmt.Sprintf("typed retry after %v, expected none", delay))
	} else if v.RetryAfter != nil {
		want, _ := time.ParseDuration(*v.RetryAfter)
		if !hasDelay || delay != want {
			problems = append(problems, fmt.Sprintf("typed retry after %v, expected %v", delay, want))
		}
	}
	if typed.Error() != v.Message {
		problems = append(problems, fmt.Sprintf("typed message %q, expected %q", typed.Error(), v.Message))
	}
	if !sameMetadata(typed.Metadata(), v.Metadata) {
		problems = append(problems, fmt.Sprintf("typed fields %v, expected %v", typed.Metadata(), v.Metadata))
	}
	// A local error rebuilt from the promoted fields renders the same message and metadata.
	var options []taxonomy.Option
	if hasDelay {
		options = append(options, taxonomy.WithRetryAfter(delay))
	}
	if local := taxonomy.Create(v.Reason, typed.Metadata(), options...); local == nil || local.Error() != v.Message || !sameMetadata(local.Metadata(), v.Metadata) {
		problems = append(problems, fmt.Sprintf("the generated error rebuilt from the fields renders %v", local))
	}
	return problems
}

func sameMetadata(a, b map[string]string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "interop: "+format+"\n", args...)
	os.Exit(2)
}
