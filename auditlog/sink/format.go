// Package sink encodes audit events and alerts for SIEMs (NDJSON, ECS
// JSON, CEF) and delivers batches of them (a writer, syslog RFC 5424 over
// UDP, TCP or TLS, Splunk HEC and Elasticsearch _bulk over HTTP). A Send
// returns only once the receiver acknowledged the whole batch, which is
// what the forwarder's checkpoint relies on.
package sink

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/vaultguard/vaultguard/auditlog/detect"
	report "github.com/vaultguard/vaultguard/report/audit"
)

// Item is one thing to deliver: an audit event or an alert.
type Item struct {
	Event *report.Record
	Alert *detect.Alert
}

// Format is an encoding of items.
type Format string

// Formats.
const (
	FormatJSON Format = "json" // vaultguard's record / alert JSON, one per line
	FormatECS  Format = "ecs"  // Elastic Common Schema
	FormatCEF  Format = "cef"  // ArcSight Common Event Format
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case FormatJSON, FormatECS, FormatCEF:
		return f, nil
	case "ndjson":
		return FormatJSON, nil
	}
	return "", fmt.Errorf("unknown sink format %q (want json, ecs or cef)", s)
}

// Encode renders one item in format f, without a trailing newline.
func Encode(f Format, it Item) ([]byte, error) {
	var v any
	switch f {
	case FormatECS:
		v = ECS(it)
	case FormatCEF:
		return []byte(CEF(it)), nil
	default:
		if it.Alert != nil {
			v = it.Alert
		} else {
			v = it.Event
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", f, err)
	}
	return b, nil
}

// ECS maps an item to Elastic Common Schema. Fields follow Elastic's
// hashicorp_vault integration (event.action from request.operation,
// event.outcome success/failure, source.ip/port, event.id from request.id,
// the rest under hashicorp_vault.audit.*) plus user.name from
// display_name, user.id from entity_id and url.path from request.path.
// An alert is event.kind=alert with rule.* and the event that raised it.
func ECS(it Item) map[string]any {
	rec := it.Event
	if it.Alert != nil {
		rec = it.Alert.Event
	}
	doc := map[string]any{}
	if rec != nil {
		outcome := "success"
		if rec.Outcome != report.OutcomeAllowed {
			outcome = "failure"
		}
		if rec.Outcome == report.OutcomeNoResponse {
			outcome = "unknown"
		}
		doc = map[string]any{
			"@timestamp": rec.Time.UTC().Format("2006-01-02T15:04:05.000000000Z07:00"),
			"event": map[string]any{
				"kind":     "event",
				"category": []string{"authentication"},
				"type":     ecsType(rec.Operation),
				"action":   rec.Operation,
				"outcome":  outcome,
				"id":       rec.RequestID,
				"dataset":  "hashicorp_vault.audit",
				"module":   "hashicorp_vault",
			},
			"url":  map[string]any{"path": rec.Path},
			"user": map[string]any{"name": rec.Identity.DisplayName, "id": rec.Identity.EntityID, "roles": rec.Identity.Policies},
			"hashicorp_vault": map[string]any{"audit": map[string]any{
				"request": map[string]any{
					"id": rec.RequestID, "operation": rec.Operation, "path": rec.Path,
					"mount_point": rec.MountPoint, "mount_type": rec.MountType,
					"remote_address": rec.RemoteAddress, "remote_port": rec.RemotePort,
					"client_token_accessor": rec.Token.Accessor,
				},
				"auth": map[string]any{
					"display_name": rec.Identity.DisplayName, "entity_id": rec.Identity.EntityID,
					"accessor": rec.Token.Accessor, "token_type": rec.Token.Type, "token_ttl": rec.Token.TTL,
					"policies": rec.Identity.Policies, "metadata": rec.Identity.Metadata,
				},
				"error":   rec.Error,
				"outcome": string(rec.Outcome),
				"identity": map[string]any{
					"auth_method": rec.Identity.AuthMethod, "role": rec.Identity.Role,
				},
			}},
		}
		if rec.RemoteAddress != "" {
			doc["source"] = map[string]any{"ip": rec.RemoteAddress, "port": rec.RemotePort}
			doc["related"] = map[string]any{"ip": []string{rec.RemoteAddress}}
		}
		if rec.Error != "" {
			doc["message"] = rec.Error
		}
		if rec.UserAgent != "" {
			doc["user_agent"] = map[string]any{"original": rec.UserAgent}
		}
	}
	if a := it.Alert; a != nil {
		ev, _ := doc["event"].(map[string]any)
		if ev == nil {
			ev = map[string]any{}
			doc["event"] = ev
		}
		ev["kind"] = "alert"
		ev["severity"] = severityNumber(a.Severity)
		ev["reason"] = a.Description
		doc["@timestamp"] = a.Time.UTC().Format("2006-01-02T15:04:05.000000000Z07:00")
		doc["message"] = a.Title + ": " + a.Description
		doc["rule"] = map[string]any{"id": a.ID, "name": a.Name, "description": a.Next, "category": "vault"}
		doc["vaultguard"] = map[string]any{"alert": map[string]any{"severity": a.Severity, "key": a.Key, "count": a.Count, "window": a.Window}}
	}
	doc["observer"] = map[string]any{"product": "vaultguard", "type": "audit-forwarder"}
	return doc
}

func ecsType(op string) []string {
	switch op {
	case "delete":
		return []string{"info", "end"}
	case "read", "list", "create":
		return []string{"info", "start"}
	}
	return []string{"info"}
}

func severityNumber(s detect.Severity) int {
	switch s {
	case detect.Critical:
		return 10
	case detect.High:
		return 8
	case detect.Medium:
		return 5
	}
	return 3
}

// CEF renders an item as one ArcSight CEF line.
func CEF(it Item) string {
	rec := it.Event
	sigID, name, sev := "vault-audit-"+cefOp(rec), "Vault audit "+cefOp(rec), 1
	if a := it.Alert; a != nil {
		rec = a.Event
		sigID, name, sev = a.ID, a.Title, severityNumber(a.Severity)
	}
	var ext []string
	add := func(k, v string) {
		if v != "" {
			ext = append(ext, k+"="+cefExt(v))
		}
	}
	if rec != nil {
		add("rt", strconv.FormatInt(rec.Time.UnixMilli(), 10))
		add("src", rec.RemoteAddress)
		if rec.RemotePort > 0 {
			add("spt", strconv.Itoa(rec.RemotePort))
		}
		add("suser", rec.Identity.DisplayName)
		add("suid", rec.Identity.EntityID)
		add("act", rec.Operation)
		add("request", rec.Path)
		add("outcome", string(rec.Outcome))
		add("externalId", rec.RequestID)
		add("cs1Label", "mount_point")
		add("cs1", rec.MountPoint)
		add("cs2Label", "token_accessor")
		add("cs2", rec.Token.Accessor)
		add("cs3Label", "auth_method")
		add("cs3", rec.Identity.AuthMethod)
		add("requestClientApplication", rec.UserAgent)
		if rec.Error != "" {
			add("reason", rec.Error)
		}
	}
	if a := it.Alert; a != nil {
		add("msg", a.Description)
		add("cs4Label", "alert_key")
		add("cs4", a.Key)
		if a.Count > 0 {
			add("cnt", strconv.Itoa(a.Count))
		}
	}
	return fmt.Sprintf("CEF:0|vaultguard|vaultguard|1|%s|%s|%d|%s", cefHdr(sigID), cefHdr(name), sev, strings.Join(ext, " "))
}

func cefOp(rec *report.Record) string {
	if rec == nil || rec.Operation == "" {
		return "request"
	}
	return rec.Operation
}

var (
	cefHdrRepl = strings.NewReplacer(`\`, `\\`, `|`, `\|`, "\n", " ", "\r", " ")
	cefExtRepl = strings.NewReplacer(`\`, `\\`, `=`, `\=`, "\n", `\n`, "\r", `\r`)
)

func cefHdr(s string) string { return cefHdrRepl.Replace(s) }
func cefExt(s string) string { return cefExtRepl.Replace(s) }
