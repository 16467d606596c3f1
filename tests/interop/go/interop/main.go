// Command interop is the Go side of ErrorSdk's live interop tests, built with Debian's grpc-go and genproto
// (GO111MODULE=off GOPATH=<dir>:/usr/share/gocode). It is driven by the conformance vectors that
// `errorsdk emit vectors` writes.
//
//	interop -mode server -vectors FILE          serve every vector as a gRPC error; prints "PORT <n>"
//	interop -mode client -vectors FILE -port N  call every vector's method and check the error against it
//
// Each kind is one method, /errorsdk.interop.v1.Conformance/<REASON>, whose request and response are empty.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"net"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/golang/protobuf/ptypes"
	"github.com/golang/protobuf/ptypes/any"
	"github.com/golang/protobuf/ptypes/empty"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
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

// statusOf builds the google.rpc.Status of a vector with genproto's types: ErrorInfo, then RetryInfo when the
// vector has a delay. It is built from the vector's values, not copied from its bytes.
func statusOf(v vector) (*spb.Status, error) {
	info, err := ptypes.MarshalAny(&errdetails.ErrorInfo{Reason: v.Reason, Domain: v.Domain, Metadata: v.Metadata})
	if err != nil {
		return nil, err
	}
	st := &spb.Status{Code: v.Code.Value, Message: v.Message, Details: []*any.Any{info}}
	if v.RetryAfter != nil {
		delay, err := time.ParseDuration(*v.RetryAfter)
		if err != nil {
			return nil, err
		}
		retry, err := ptypes.MarshalAny(&errdetails.RetryInfo{RetryDelay: ptypes.DurationProto(delay)})
		if err != nil {
			return nil, err
		}
		st.Details = append(st.Details, retry)
	}
	return st, nil
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
		st, err := statusOf(v)
		if err != nil {
			return status.Errorf(codes.Internal, "building the status of %s: %v", v.Reason, err)
		}
		return status.FromProto(st).Err()
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
		for _, problem := range compare(v, err) {
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
