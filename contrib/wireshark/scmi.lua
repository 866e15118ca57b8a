-- SPDX-License-Identifier: BSD-3-Clause
-- Wireshark dissector for the captures of `optee-simd --pcap FILE` (docs/capture.md).
--
-- Link type LINKTYPE_USER0 (147). Each record: a 12-byte pseudo-header
--   byte 0  version (1)
--   byte 1  direction: 0 agent to platform, 1 platform to agent
--   byte 2  transport: 0 OP-TEE SMT, 1 OP-TEE MSG, 2 virtio
--   byte 3  reserved
--   4..7    platform channel id, little-endian
--   8..11   agent id, little-endian (0xffffffff: unknown)
-- then the SCMI message: the header word, the status word of a response or delayed
-- response, and the payload, all little-endian.
--
-- Usage: tshark -X lua_script:contrib/wireshark/scmi.lua -r FILE.pcap -V
-- or copy both files into Wireshark's personal plugins folder.
-- The messages and fields come from scmi_msgs.lua, generated from the C headers
-- (tools/gen/msg_desc.py --lua), so that the CLI's `scmi decode` and this dissector name
-- the same fields the same way.

local here = debug.getinfo(1, "S").source:match("^@(.*[/\\])") or ""
local P = dofile(here .. "scmi_msgs.lua")

local scmi = Proto("scmi", "Arm SCMI")

local dirs = {[0] = "agent to platform", [1] = "platform to agent"}
local doors = {[0] = "OP-TEE SMT", [1] = "OP-TEE MSG", [2] = "virtio"}
local types = {[0] = "command or its response", [1] = "reserved", [2] = "delayed response",
	[3] = "notification"}
local statuses = {[0] = "SUCCESS", [-1] = "NOT_SUPPORTED", [-2] = "INVALID_PARAMETERS",
	[-3] = "DENIED", [-4] = "NOT_FOUND", [-5] = "OUT_OF_RANGE", [-6] = "BUSY",
	[-7] = "COMMS_ERROR", [-8] = "GENERIC_ERROR", [-9] = "HARDWARE_ERROR",
	[-10] = "PROTOCOL_ERROR", [-11] = "IN_USE", [-12] = "PARTIAL"}
local proto_names = {}
for id, p in pairs(P) do proto_names[id] = p.name end

local f = {
	version = ProtoField.uint8("scmi.capture_version", "Capture version"),
	dir = ProtoField.uint8("scmi.direction", "Direction", base.DEC, dirs),
	door = ProtoField.uint8("scmi.transport", "Transport", base.DEC, doors),
	channel = ProtoField.uint32("scmi.channel", "Channel"),
	agent = ProtoField.uint32("scmi.agent", "Agent"),
	header = ProtoField.uint32("scmi.header", "Header", base.HEX),
	msg_id = ProtoField.uint32("scmi.msg_id", "Message id", base.HEX, nil, 0x000000ff),
	type = ProtoField.uint32("scmi.type", "Type", base.DEC, types, 0x00000300),
	protocol_id = ProtoField.uint32("scmi.protocol_id", "Protocol", base.HEX, proto_names,
		0x0003fc00),
	token = ProtoField.uint32("scmi.token", "Token", base.DEC, nil, 0x0ffc0000),
	message = ProtoField.string("scmi.message", "Message"),
	status = ProtoField.int32("scmi.status", "Status", base.DEC, statuses),
	undescribed = ProtoField.bytes("scmi.undescribed", "Undescribed bytes"),
}

-- One ProtoField per protocol and field name: "scmi.clock.rate", filterable.
local field_types = {
	u32 = {ProtoField.uint32, base.DEC}, x32 = {ProtoField.uint32, base.HEX},
	s32 = {ProtoField.int32, base.DEC}, u64 = {ProtoField.uint64, base.DEC},
	x64 = {ProtoField.uint64, base.HEX}, s64 = {ProtoField.int64, base.DEC},
	version = {ProtoField.uint32, base.HEX}, name = {ProtoField.string, nil},
	protocol = {ProtoField.uint8, base.HEX}, msg_id = {ProtoField.uint32, base.HEX},
	u8 = {ProtoField.uint8, base.DEC}, u16 = {ProtoField.uint16, base.DEC},
}
local pfields = {}

local function pfield(pname, fd)
	local key = pname .. "." .. fd[1] .. "." .. fd[3]
	if not pfields[key] then
		local ft = field_types[fd[3]]
		local abbr = "scmi." .. pname .. "." .. fd[1]
		-- Two types under one name in a protocol: the second gets its type in the name.
		for _, v in pairs(pfields) do
			if v.abbr == abbr then abbr = abbr .. "_" .. fd[3] end
		end
		local label = fd[1]
		local pf
		if ft[2] then pf = ft[1](abbr, label, ft[2]) else pf = ft[1](abbr, label) end
		pfields[key] = {abbr = abbr, field = pf}
	end
	return pfields[key].field
end

-- Every field of every layout, declared before Wireshark registers the protocol.
local function declare(pname, layout, seen)
	if not layout or seen[layout] then return end
	seen[layout] = true
	for _, fd in ipairs(layout.fields) do pfield(pname, fd) end
	if layout.array then declare(pname, layout.array.entry, seen) end
end
for _, p in pairs(P) do
	local seen = {}
	for _, list in ipairs({p.msgs, p.evts}) do
		for _, m in pairs(list) do
			declare(p.name, m.a2p, seen)
			declare(p.name, m.p2a, seen)
			declare(p.name, m.dresp, seen)
		end
	end
end
local all = {}
for _, v in pairs(f) do all[#all + 1] = v end
for _, v in pairs(pfields) do all[#all + 1] = v.field end
scmi.fields = all

local e_short = ProtoExpert.new("scmi.short", "Message shorter than its header",
	expert.group.MALFORMED, expert.severity.ERROR)
scmi.experts = {e_short}

local function add_field(tree, pname, fd, tvb, off, prefix)
	local r = tvb(off + fd[2], fd[4])
	local pf = pfield(pname, fd)
	local item
	if fd[3] == "name" then
		item = tree:add(pf, r, r:stringz())
	elseif fd[3] == "protocol" or fd[3] == "u8" then
		item = tree:add(pf, r)
	else
		item = tree:add_le(pf, r)
	end
	if prefix then item:prepend_text(prefix) end
	if fd[5] then item:append_text(" " .. fd[5]) end
	if fd[3] == "version" then
		local v = r:le_uint()
		item:append_text(string.format(" (%d.%d)", bit.rshift(v, 16), bit.band(v, 0xffff)))
	end
end

-- The size of the array entry at pos: the first of the array's rules that holds (a sensor
-- descriptor without extended attributes, a performance level before 4.0), else the largest.
local function entry_size(a, tvb, off, pos, len)
	for _, r in ipairs(a.sizes or {}) do
		if r[1] == "count" then
			if r[2] + 4 <= len and
				bit.band(tvb(off + r[2], 4):le_uint(), r[3]) * r[4] == len - a.offset then
				return r[4]
			end
		elseif r[2] + 4 <= len - pos then
			local set = bit.band(tvb(off + pos + r[2], 4):le_uint(), r[3]) ~= 0
			if set == (r[1] == "set") then return r[4] end
		end
	end
	return a.entry.size
end

-- The fixed fields the payload holds, then its array's entries to the end.
local function walk(tree, pname, layout, tvb, off, len)
	local done = 0
	if layout then
		for _, fd in ipairs(layout.fields) do
			if fd[2] + fd[4] > len then break end
			add_field(tree, pname, fd, tvb, off, nil)
			done = fd[2] + fd[4]
		end
		local a = layout.array
		if a and done >= a.offset and a.entry.size > 0 then
			local pos, i = a.offset, 0
			while pos < len do
				local size = entry_size(a, tvb, off, pos, len)
				if size > len - pos then break end
				for _, fd in ipairs(a.entry.fields) do
					if fd[2] + fd[4] > size then break end
					add_field(tree, pname, fd, tvb, off + pos, string.format("%s[%d] ", a.name, i))
				end
				pos = pos + size
				i = i + 1
			end
			done = pos
		end
	end
	if done < len then tree:add(f.undescribed, tvb(off + done, len - done)) end
end

function scmi.dissector(tvb, pinfo, root)
	if tvb:len() < 12 then return 0 end
	pinfo.cols.protocol = "SCMI"
	local tree = root:add(scmi, tvb())
	local dir = tvb(1, 1):uint()
	tree:add(f.version, tvb(0, 1))
	tree:add(f.dir, tvb(1, 1))
	tree:add(f.door, tvb(2, 1))
	tree:add_le(f.channel, tvb(4, 4))
	tree:add_le(f.agent, tvb(8, 4))
	local len = tvb:len() - 12
	if len < 4 then
		tree:add_proto_expert_info(e_short)
		return tvb:len()
	end
	local hdr = tvb(12, 4):le_uint()
	-- Lua 5.2 (Wireshark 4.0) has no bitwise operators: its bit library.
	local msg_id, mtype = bit.band(hdr, 0xff), bit.band(bit.rshift(hdr, 8), 3)
	local pid, token = bit.band(bit.rshift(hdr, 10), 0xff), bit.band(bit.rshift(hdr, 18), 0x3ff)
	local ht = tree:add_le(f.header, tvb(12, 4))
	ht:add_le(f.msg_id, tvb(12, 4))
	ht:add_le(f.type, tvb(12, 4))
	ht:add_le(f.protocol_id, tvb(12, 4))
	ht:add_le(f.token, tvb(12, 4))
	local p = P[pid]
	local m
	if mtype == 3 then m = p and p.evts[msg_id] else m = p and p.msgs[msg_id] end
	local kind
	if mtype == 3 then kind = "notification"
	elseif mtype == 2 then kind = "delayed response"
	elseif dir == 0 then kind = "command"
	else kind = "response" end
	local name = m and m.name or string.format("unknown 0x%02x/0x%02x", pid, msg_id)
	tree:add(f.message, tvb(12, 4), name)
	tree:append_text(string.format(", %s %s, %s, token %d", p and p.name or "?", name, kind,
		token))
	local off, plen = 16, len - 4
	local status
	if dir == 1 and mtype ~= 3 and plen >= 4 then
		status = tvb(16, 4):le_int()
		tree:add_le(f.status, tvb(16, 4))
		off, plen = 20, len - 8
	end
	local layout
	if m then
		if mtype == 3 then layout = m.p2a
		elseif mtype == 2 then layout = m.dresp
		elseif dir == 0 then layout = m.a2p
		else layout = m.p2a end
	end
	-- A failed command answers its status alone: nothing after it is its layout.
	if status and status ~= 0 then layout = nil end
	walk(tree, p and p.name or "unknown", layout, tvb, off, plen)
	pinfo.cols.info = string.format("%s %s %s%s", p and p.name or "?", name, kind,
		status and string.format(" %s", statuses[status] or tostring(status)) or "")
	return tvb:len()
end

DissectorTable.get("wtap_encap"):add(wtap.USER0, scmi)
