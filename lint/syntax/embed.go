package syntax

// ParseEmbedded parses content embedded in another file (a policy heredoc
// in Terraform or a shell script, a config in an environment variable) and
// maps every position back to the host file: at is where the content's
// first byte stands in the host. Columns are shifted on the first line
// only, which is exact for heredocs and block scalars whose content starts
// on a line of its own.
func ParseEmbedded(host string, src []byte, at Pos) (*File, *Error) {
	f, err := Parse(host, src)
	if err != nil {
		err.Range = shiftRange(err.Range, at)
		return nil, err
	}
	shiftNode(f.Root, at)
	return f, nil
}

func shiftRange(r Range, at Pos) Range {
	return Range{File: r.File, Start: shiftPos(r.Start, at), End: shiftPos(r.End, at)}
}

func shiftPos(p, at Pos) Pos {
	if p.Line == 1 {
		p.Column += at.Column - 1
	}
	p.Line += at.Line - 1
	return p
}

func shiftNode(n *Node, at Pos) {
	if n == nil {
		return
	}
	n.Range = shiftRange(n.Range, at)
	for _, it := range n.Items {
		it.Range = shiftRange(it.Range, at)
		for i := range it.Keys {
			it.Keys[i].Range = shiftRange(it.Keys[i].Range, at)
		}
		shiftNode(it.Val, at)
	}
	for _, e := range n.Elems {
		shiftNode(e, at)
	}
}

// ShiftRange maps a range relative to embedded content onto the host
// file, the way ParseEmbedded maps the tree (at is the content's origin).
func ShiftRange(r Range, at Pos) Range { return shiftRange(r, at) }
