package lint

import (
	"strconv"

	"github.com/vaultguard/vaultguard/lint/engine"
	"github.com/vaultguard/vaultguard/report"
)

type severity = report.Severity

const sevInfo = report.SeverityInfo

func strconvItoa(n int) string { return strconv.Itoa(n) }

type engineResult = engine.Result
