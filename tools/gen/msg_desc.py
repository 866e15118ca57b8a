#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Generate src/proto/msg_desc_table.c, the description of every SCMI message, from the
wire layouts of include/scmi/proto/: every SCMI_MSG_* and SCMI_EVT_* id of a protocol
header, and every field of the structs that lay their payloads out (offsets by offsetof,
so a layout changed in its header is described anew on the next run).

What a struct cannot say lives here, once: which struct a message uses when its name does
not follow the convention of layout.h, the unit of a field, and which words are shown in hex.

    tools/gen/msg_desc.py [ROOT] | clang-format --assume-filename=src/proto/msg_desc_table.c \
        > src/proto/msg_desc_table.c
    tools/gen/msg_desc.py --lua [ROOT] > contrib/wireshark/scmi_msgs.lua

With --lua, the same table for the Wireshark dissector (contrib/wireshark/scmi.lua), with
the offsets computed here from the same structs (words, struct scmi_u64 pairs, names).
"""
import os
import re
import sys

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
LUA = "--lua" in sys.argv[1:]
ROOT = ARGS[0] if ARGS else os.path.join(os.path.dirname(__file__), "..", "..")
PROTO = os.path.join(ROOT, "include", "scmi", "proto")

PROTOCOLS = [  # file, id macro, short name, title
    ("base", "BASE", "base", "Base"),
    ("power", "POWER", "power", "Power domain management"),
    ("system", "SYSTEM", "system", "System power management"),
    ("perf", "PERF", "perf", "Performance domain management"),
    ("clock", "CLOCK", "clock", "Clock management"),
    ("sensor", "SENSOR", "sensor", "Sensor management"),
    ("reset", "RESET", "reset", "Reset domain management"),
    ("voltage", "VOLTAGE", "voltage", "Voltage domain management"),
    ("powercap", "POWERCAP", "powercap", "Power capping and monitoring"),
    ("pinctrl", "PINCTRL", "pinctrl", "Pin control"),
]

# Messages whose layouts do not follow scmi_<message>_a2p/_p2a/_dresp: (a2p, p2a, dresp).
# "" means an empty payload; None lets the convention decide.
OVERRIDE = {
    "BASE_DISCOVER_SUB_VENDOR": ("", "base_discover_vendor_p2a", None),
    "BASE_DISCOVER_IMPLEMENTATION_VERSION": ("", "base_discover_impl_version_p2a", None),
    "CLOCK_ATTRIBUTES": ("id_a2p", None, None),
    "CLOCK_RATE_GET": ("id_a2p", None, None),
    "CLOCK_POSSIBLE_PARENTS_GET": ("clock_possible_parents_a2p",
                                   "clock_possible_parents_p2a", None),
    "CLOCK_PARENT_GET": ("id_a2p", None, None),
    "CLOCK_GET_PERMISSIONS": ("id_a2p", None, None),
    "CLOCK_CONFIG_SET": (None, "", None),
    "CLOCK_PARENT_SET": (None, "", None),
    "POWER_DOMAIN_ATTRIBUTES": ("id_a2p", None, None),
    "POWER_STATE_GET": ("id_a2p", None, None),
    "POWER_STATE_SET": (None, "", None),
    "SYSTEM_POWER_STATE_SET": (None, "", None),
    "SYSTEM_POWER_STATE_GET": ("", None, None),
    "SYSTEM_POWER_STATE_NOTIFY": (None, "", None),
    "PERF_DOMAIN_ATTRIBUTES": ("id_a2p", None, None),
    "PERF_LIMITS_GET": ("id_a2p", None, None),
    "PERF_LEVEL_GET": ("id_a2p", None, None),
    "PERF_LIMITS_SET": (None, "", None),
    "PERF_LEVEL_SET": (None, "", None),
    "PERF_NOTIFY_LIMITS": ("notify_a2p", "", None),
    "PERF_NOTIFY_LEVEL": ("notify_a2p", "", None),
    "SENSOR_TRIP_POINT_NOTIFY": ("notify_a2p", "", None),
    "SENSOR_TRIP_POINT_CONFIG": (None, "", None),
    "SENSOR_READING_GET": (None, "sensor_update_reading_p2a", "sensor_reading_dresp"),
    "SENSOR_AXIS_DESCRIPTION_GET": ("sensor_axis_a2p", None, None),
    "SENSOR_AXIS_NAME_GET": ("sensor_axis_a2p", None, None),
    "SENSOR_CONFIG_GET": ("id_a2p", None, None),
    "SENSOR_CONFIG_SET": (None, "", None),
    "SENSOR_CONTINUOUS_UPDATE_NOTIFY": ("notify_a2p", "", None),
    "RESET_DOMAIN_ATTRIBUTES": ("id_a2p", None, None),
    "RESET": ("reset_a2p", "", "reset_dresp"),
    "VOLTAGE_DOMAIN_ATTRIBUTES": ("id_a2p", None, None),
    "VOLTAGE_CONFIG_GET": ("id_a2p", None, None),
    "VOLTAGE_LEVEL_GET": ("id_a2p", None, None),
    "VOLTAGE_CONFIG_SET": (None, "", None),
    "VOLTAGE_LEVEL_SET": (None, "", None),
    "POWERCAP_DOMAIN_ATTRIBUTES": ("id_a2p", None, None),
    "POWERCAP_CAP_GET": ("id_a2p", None, None),
    "POWERCAP_PAI_GET": ("id_a2p", None, None),
    "POWERCAP_MEASUREMENTS_GET": ("id_a2p", None, None),
    "POWERCAP_CAP_SET": (None, "", None),
    "POWERCAP_PAI_SET": (None, "", None),
    "POWERCAP_MEASUREMENTS_NOTIFY": (None, "", None),
    "POWERCAP_CAP_NOTIFY": ("notify_a2p", "", None),
    "POWERCAP_DESCRIBE_FASTCHANNEL": (None, "perf_describe_fastchannel_p2a", None),
    "PINCTRL_ATTRIBUTES": ("pinctrl_id_a2p", None, None),
    "PINCTRL_REQUEST": ("pinctrl_id_a2p", "", None),
    "PINCTRL_RELEASE": ("pinctrl_id_a2p", "", None),
    "PINCTRL_NAME_GET": ("pinctrl_id_a2p", "name_get_p2a", None),
    "PINCTRL_SETTINGS_CONFIGURE": (None, "", None),
    "PINCTRL_SET_PERMISSIONS": (None, "", None),
    "BASE_NOTIFY_ERRORS": (None, "", None),
    "BASE_SET_DEVICE_PERMISSIONS": (None, "", None),
    "BASE_SET_PROTOCOL_PERMISSIONS": (None, "", None),
    "BASE_RESET_AGENT_CONFIGURATION": (None, "", None),
    "BASE_DISCOVER_VENDOR": ("", None, None),
}
EVT_OVERRIDE = {
    "CLOCK_RATE_CHANGED": "clock_rate_evt",
    "CLOCK_RATE_CHANGE_REQUESTED": "clock_rate_evt",
    "POWER_STATE_CHANGED": "power_state_evt",
    "POWER_STATE_CHANGE_REQUESTED": "power_state_evt",
    "PERFORMANCE_LIMITS_CHANGED": "perf_limits_changed_evt",
    "PERFORMANCE_LEVEL_CHANGED": "perf_level_changed_evt",
    "SENSOR_TRIP_POINT_EVENT": "sensor_trip_point_evt",
    "BASE_ERROR_EVENT": "base_error_evt",
    "RESET_ISSUED": "reset_issued_evt",
    "SYSTEM_POWER_STATE_NOTIFIER": "system_power_state_notifier_evt",
}
# Arrays a struct's comment announces but no flexible member holds: struct -> entry struct.
IMPLIED_ARRAY = {
    "sensor_description_get_p2a": "sensor_desc_entry",
    "sensor_axis_description_get_p2a": "sensor_axis_desc_entry",
}

# Arrays whose entries vary in size (struct scmi_entry_size): parent struct -> rules, the first
# that holds decides: (test, the word tested, its mask macro, the field the shorter entry ends
# before). A sensor descriptor ends before its power word without extended attributes, before
# its resolution with axes; an axis descriptor before its resolution without extended
# attributes; a performance level before its frequency when the count says so (before 4.0).
ARRAY_SIZES = {
    "sensor_description_get_p2a": [
        ("SCMI_SIZE_BITS_CLEAR", "attributes_low", "SCMI_SENSOR_ATTR_LOW_EXT_ATTRS", "power"),
        ("SCMI_SIZE_BITS_SET", "attributes_high", "SCMI_SENSOR_ATTR_HIGH_AXES_MASK",
         "resolution")],
    "sensor_axis_description_get_p2a": [
        ("SCMI_SIZE_BITS_CLEAR", "attributes_low", "SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS",
         "resolution")],
    "perf_describe_levels_p2a": [
        ("SCMI_SIZE_COUNT", "num_levels", "SCMI_PERF_LEVELS_RETURNED_MAX",
         "indicative_freq_khz")],
}

# Units, by "struct.field" first, then by field name.
UNITS = {
    "rate": "Hz", "rates": "Hz", "enable_latency": "us", "latency": "us",
    "transition_latency": "us", "rate_limit": "us", "sustained_freq_khz": "kHz",
    "indicative_freq_khz": "kHz", "voltage_level": "uV", "voltage_levels": "uV",
    "voltage_describe_levels_p2a.levels": "uV", "pai": "us", "min_pai": "us", "max_pai": "us",
    "pai_step": "us", "timestamp": "ns", "intervals": None,
    "powercap_cap_get_p2a.power_cap": "mW|uW", "powercap_cap_set_a2p.power_cap": "mW|uW",
    "power_cap": "mW|uW", "min_power_cap": "mW|uW", "max_power_cap": "mW|uW",
    "power_cap_step": "mW|uW", "sustainable_power": "mW|uW", "power": "mW|uW",
    "power_thresh_low": "mW|uW", "power_thresh_high": "mW|uW", "power_cost": "mW|uW",
    "sensor_desc_entry.power": "uW",
}
HEX = re.compile(r"(attributes.*|.*flags|config|sensor_config|permissions|notify_enable|"
                 r"trip_point_ev_ctrl|trip_point_desc|error_status|.*_ctrl|system_state|"
                 r"power_state|reset_state|impl_version)$")
VERSION = {"version"}
SIGNED = {"voltage_level", "voltage_describe_levels_p2a.levels", "value", "min_range",
          "max_range", "trip_point_value", "sensor_reading_entry.value"}

STRUCT_RE = re.compile(r"^struct scmi_([a-z0-9_]+) \{\n(.*?)^\};", re.S | re.M)
FIELD_RE = re.compile(r"^\s*(uint8_t|uint16_t|uint32_t|int32_t|char|struct scmi_[a-z0-9_]+)\s+"
                      r"([a-z0-9_]+)(\[([A-Z0-9_]*)\])?;", re.M)
DEF_RE = re.compile(r"^#define SCMI_(MSG|EVT)_([A-Z0-9_]+)\s+(0x[0-9a-fA-F]+)\s*$", re.M)


def read(name):
    with open(os.path.join(PROTO, name + ".h"), encoding="utf-8") as f:
        return f.read()


structs = {}  # name -> list of (type, field, is_array, dim)
for fname in ["ids"] + [p[0] for p in PROTOCOLS]:
    for m in STRUCT_RE.finditer(read(fname)):
        body = re.sub(r"/\*.*?\*/", "", m.group(2), flags=re.S)
        structs[m.group(1)] = [(f.group(1), f.group(2), f.group(3) is not None, f.group(4))
                               for f in FIELD_RE.finditer(body)]
structs["sensor_update_reading_p2a"] = None  # the readings alone: built below

MACRO_RE = re.compile(r"^#define (SCMI_[A-Z0-9_]+)\s+(\(?[0-9a-fA-Fx<>() A-Z_u]+\)?)\s*$", re.M)
macros = {}
for fname in ["ids"] + [p[0] for p in PROTOCOLS]:
    for m in MACRO_RE.finditer(read(fname)):
        macros[m.group(1)] = m.group(2)


def macro_value(name):
    """The integer a mask macro of the headers stands for (for the Lua table)."""
    expr = re.sub(r"\b(0x[0-9a-fA-F]+|[0-9]+)u\b", r"\1", macros[name])
    expr = re.sub(r"\bSCMI_[A-Z0-9_]+\b", lambda m: str(macro_value(m.group(0))), expr)
    return int(eval(expr, {"__builtins__": {}}))  # only digits, shifts and parentheses left


def size_rules_c(parent, entry):
    """The struct scmi_entry_size table of @parent's array, or None."""
    rules = ARRAY_SIZES.get(parent)
    if not rules:
        return None
    rows = []
    for test, word, mask, until in rules:
        where = parent if test == "SCMI_SIZE_COUNT" else entry
        rows.append("\t{%s, offsetof(struct scmi_%s, %s), %s, offsetof(struct scmi_%s, %s)}," % (
            test, where, word, mask, entry, until))
    out.append("static const struct scmi_entry_size S_%s[] = {\n%s\n};" % (parent, "\n".join(rows)))
    return "S_%s, %d" % (parent, len(rules))


def ftype(sname, t, field):
    key = sname + "." + field
    if t == "char":
        return "SCMI_FT_NAME"
    if t == "uint8_t":
        return "SCMI_FT_PROTOCOL" if field == "protocols" else "SCMI_FT_U8"
    if t == "uint16_t":
        return "SCMI_FT_U16"
    if t == "struct scmi_u64":
        if key in SIGNED or field in SIGNED:
            return "SCMI_FT_S64"
        return "SCMI_FT_X64" if field in ("msg_reports",) else "SCMI_FT_U64"
    if t == "int32_t" or key in SIGNED or field in SIGNED:
        return "SCMI_FT_S32"
    if field in VERSION or (field == "message_id"):
        return "SCMI_FT_VERSION" if field in VERSION else "SCMI_FT_MSG_ID"
    if HEX.match(field):
        return "SCMI_FT_X32"
    return "SCMI_FT_U32"


def unit(sname, field):
    u = UNITS.get(sname + "." + field, UNITS.get(field))
    return '"%s"' % u if u else "NULL"


out = []
emitted = set()


def emit_layout(sname):
    """Emit the layout of struct scmi_<sname> (and of its array entry), once."""
    if sname in emitted:
        return
    emitted.add(sname)
    if sname == "sensor_update_reading_p2a":
        emit_layout("sensor_reading_entry")
        out.append("static const struct scmi_array_desc A_%s = {\"readings\", &L_sensor_reading_entry, 0, NULL, 0};" % sname)
        out.append("static const struct scmi_layout_desc L_%s = {\"sensor_reading_get_p2a\", NULL, 0, 0, &A_%s};\n" % (sname, sname))
        return
    fields = structs[sname]
    fixed = [f for f in fields if not (f[2] and f[3] == "")]
    flex = [f for f in fields if f[2] and f[3] == ""]
    arr = "NULL"
    if flex:
        t, field = flex[0][0], flex[0][1]
        if t.startswith("struct scmi_") and t != "struct scmi_u64":
            entry = t[len("struct scmi_"):]
            emit_layout(entry)
        else:
            entry = "%s_%s" % (sname, field)
            emitted.add(entry)
            out.append("static const struct scmi_field_desc F_%s[] = {" % entry)
            out.append('\t{"%s", 0, %s, %s, %s},' % (
                field[:-1] if field.endswith("s") else field, ftype(sname, t, field),
                "8" if t == "struct scmi_u64" else "sizeof(((struct scmi_%s *)0)->%s[0])" % (sname, field),
                unit(sname, field)))
            out.append("};")
            out.append("static const struct scmi_layout_desc L_%s = {\"%s\", F_%s, 1, %s, NULL};" % (
                entry, field, entry,
                "8" if t == "struct scmi_u64" else "sizeof(((struct scmi_%s *)0)->%s[0])" % (sname, field)))
        sizes = size_rules_c(sname, entry) or "NULL, 0"
        out.append("static const struct scmi_array_desc A_%s = {\"%s\", &L_%s, offsetof(struct scmi_%s, %s), %s};" % (
            sname, field, entry, sname, field, sizes))
        arr = "&A_" + sname
    elif sname in IMPLIED_ARRAY:
        entry = IMPLIED_ARRAY[sname]
        emit_layout(entry)
        sizes = size_rules_c(sname, entry) or "NULL, 0"
        out.append("static const struct scmi_array_desc A_%s = {\"%s\", &L_%s, sizeof(struct scmi_%s), %s};" % (
            sname, entry.replace("_entry", "s").split("_", 1)[1], entry, sname, sizes))
        arr = "&A_" + sname
    out.append("static const struct scmi_field_desc F_%s[] = {" % sname)
    for t, field, is_arr, dim in fixed:
        out.append('\t{"%s", offsetof(struct scmi_%s, %s), %s, sizeof(((struct scmi_%s *)0)->%s), %s},' % (
            field, sname, field, ftype(sname, t, field), sname, field, unit(sname, field)))
    out.append("};")
    out.append("static const struct scmi_layout_desc L_%s = {\"%s\", F_%s, %d, sizeof(struct scmi_%s), %s};\n" % (
        sname, sname, sname, len(fixed), sname, arr))


def layout_ref(name):
    if name == "" or name is None:
        return "NULL"
    if name not in structs:
        raise SystemExit("msg_desc.py: no struct scmi_%s" % name)
    emit_layout(name)
    return "&L_" + name


protos = []
for fname, pmac, short, title in PROTOCOLS:
    text = read(fname)
    msgs = [(0x0, "PROTOCOL_VERSION", "", "version_msg", None),
            (0x1, "PROTOCOL_ATTRIBUTES", "",
             fname + "_protocol_attributes_p2a" if fname + "_protocol_attributes_p2a" in structs
             else "protocol_attributes_p2a", None),
            (0x2, "PROTOCOL_MESSAGE_ATTRIBUTES", "msg_attributes_a2p", "msg_attributes_p2a", None),
            (0x10, "NEGOTIATE_PROTOCOL_VERSION", "version_msg", "", None)]
    evts = []
    for m in DEF_RE.finditer(text):
        kind, name, val = m.group(1), m.group(2), int(m.group(3), 16)
        if name.endswith("_SINCE"):
            continue
        low = name.lower()
        if kind == "MSG":
            a2p, p2a, dresp = OVERRIDE.get(name, (None, None, None))
            if a2p is None:
                a2p = low + "_a2p" if low + "_a2p" in structs else (
                    "notify_a2p" if name.endswith("NOTIFY") else
                    "id_a2p" if name.endswith("NAME_GET") else "")
            if p2a is None:
                p2a = low + "_p2a" if low + "_p2a" in structs else (
                    "name_get_p2a" if name.endswith("NAME_GET") else "")
            if dresp is None:
                dresp = low + "_dresp" if low + "_dresp" in structs else ""
            msgs.append((val, name, a2p, p2a, dresp))
        else:
            evts.append((val, name, "", EVT_OVERRIDE.get(name, low + "_evt"), ""))
    protos.append((fname, pmac, short, title, sorted(msgs), sorted(evts)))

tables = []
for fname, pmac, short, title, msgs, evts in protos:
    for kind, lst in (("msgs", msgs), ("evts", evts)):
        if not lst:
            continue
        rows = []
        for val, name, a2p, p2a, dresp in lst:
            rows.append('\t{0x%x, "%s", %s, %s, %s},' % (val, name, layout_ref(a2p), layout_ref(p2a),
                                                      layout_ref(dresp)))
        tables.append("static const struct scmi_msg_desc %s_%s[] = {\n%s\n};\n" % (
            fname, kind, "\n".join(rows)))

NAME_SIZES = {"SCMI_SHORT_NAME_SIZE": 16, "SCMI_EXT_NAME_SIZE": 64}
BASIC = {"uint8_t": 1, "uint16_t": 2, "uint32_t": 4, "int32_t": 4, "char": 1,
         "struct scmi_u64": 8}


def lua_fields(sname):
    """([(size, name, offset, type, unit)], fixed size, flex (type, name) or None)."""
    off = 0
    fields = []
    flex = None
    for t, field, is_arr, dim in structs[sname]:
        if is_arr and dim == "":
            flex = (t, field)
            continue
        if t in BASIC:
            size = BASIC[t]
        else:
            size = lua_fields(t[len("struct scmi_"):])[1]
        if is_arr:
            size *= NAME_SIZES[dim]
        fields.append((size, field, off, ftype(sname, t, field)[len("SCMI_FT_"):].lower(),
                       UNITS.get(sname + "." + field, UNITS.get(field))))
        off += size
    return fields, off, flex


def lua_offset(sname, field):
    return next(o for sz, n, o, t, u in lua_fields(sname)[0] if n == field)


def lua_sizes(parent, entry):
    """The entry-size rules of @parent's array as a Lua table field, or ""."""
    rules = ARRAY_SIZES.get(parent)
    if not rules:
        return ""
    tests = {"SCMI_SIZE_BITS_CLEAR": "clear", "SCMI_SIZE_BITS_SET": "set", "SCMI_SIZE_COUNT": "count"}
    rows = ['{"%s", %d, 0x%x, %d}' % (
        tests[test], lua_offset(parent if test == "SCMI_SIZE_COUNT" else entry, word),
        macro_value(mask), lua_offset(entry, until)) for test, word, mask, until in rules]
    return ", sizes = {%s}" % ", ".join(rows)


def lua_str(v):
    return "nil" if v is None else '"%s"' % v


lua_done = {}


def lua_layout(sname, lines):
    if sname in lua_done or sname == "":
        return
    lua_done[sname] = True
    if sname == "sensor_update_reading_p2a":
        lua_layout("sensor_reading_entry", lines)
        lines.append('L["%s"] = {size = 0, fields = {}, array = {name = "readings", '
                     'offset = 0, entry = L["sensor_reading_entry"]}}' % sname)
        return
    fields, size, flex = lua_fields(sname)
    arr = "nil"
    if flex:
        t, field = flex
        if t.startswith("struct scmi_") and t != "struct scmi_u64":
            entry = t[len("struct scmi_"):]
            lua_layout(entry, lines)
            arr = '{name = "%s", offset = %d, entry = L["%s"]%s}' % (
                field, size, entry, lua_sizes(sname, entry))
        else:
            esize = BASIC[t]
            one = '{{"%s", 0, "%s", %d, %s}}' % (
                field[:-1] if field.endswith("s") else field,
                ftype(sname, t, field)[len("SCMI_FT_"):].lower(), esize,
                lua_str(UNITS.get(sname + "." + field, UNITS.get(field))))
            arr = '{name = "%s", offset = %d, entry = {size = %d, fields = %s}}' % (
                field, size, esize, one)
    elif sname in IMPLIED_ARRAY:
        entry = IMPLIED_ARRAY[sname]
        lua_layout(entry, lines)
        arr = '{name = "%s", offset = %d, entry = L["%s"]%s}' % (
            entry.replace("_entry", "s").split("_", 1)[1], size, entry, lua_sizes(sname, entry))
    fl = ", ".join('{"%s", %d, "%s", %d, %s}' % (n, o, t, sz, lua_str(u))
                   for sz, n, o, t, u in fields)
    lines.append('L["%s"] = {size = %d, fields = {%s}, array = %s}' % (sname, size, fl, arr))


if LUA:
    lines = []
    for fname, pmac, short, title, msgs, evts in protos:
        for lst in (msgs, evts):
            for val, name, a2p, p2a, dresp in lst:
                for l in (a2p, p2a, dresp):
                    if l:
                        lua_layout(l, lines)
    print("-- SPDX-License-Identifier: BSD-3-Clause")
    print("-- Generated by tools/gen/msg_desc.py --lua from include/scmi/proto/: do not edit.")
    print("-- Every SCMI message and its payload layouts, for contrib/wireshark/scmi.lua.")
    print("local L = {}")
    print("\n".join(lines))
    print("local P = {}")
    for fname, pmac, short, title, msgs, evts in protos:
        pid = int(re.search(r"#define SCMI_PROTOCOL_%s\s+(0x[0-9a-f]+)" % pmac,
                            read("ids"), re.I).group(1), 16)
        print('P[0x%x] = {name = "%s", title = "%s", msgs = {}, evts = {}}' % (pid, short, title))
        for kind, lst in (("msgs", msgs), ("evts", evts)):
            for val, name, a2p, p2a, dresp in lst:
                print('P[0x%x].%s[0x%x] = {name = "%s", a2p = %s, p2a = %s, dresp = %s}' % (
                    pid, kind, val, name, 'L["%s"]' % a2p if a2p else "nil",
                    'L["%s"]' % p2a if p2a else "nil", 'L["%s"]' % dresp if dresp else "nil"))
    print("return P")
    sys.exit(0)

print("""/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Generated by tools/gen/msg_desc.py from include/scmi/proto/: do not edit (ctest cli_decode
 * fails when this file and the headers disagree). Every message and notification of every
 * protocol, and the fields of their payloads (scmi/proto/msg_desc.h).
 */
#include <stddef.h>

#include "scmi/proto/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/msg_desc.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/power.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/system.h"
#include "scmi/proto/voltage.h"
""")
print("\n".join(out))
print("\n".join(tables))
print("static const struct scmi_proto_desc protos[] = {")
for fname, pmac, short, title, msgs, evts in protos:
    print('\t{SCMI_PROTOCOL_%s, "%s", "%s", %s_msgs, %d, %s, %d},' % (
        pmac, short, title, fname, len(msgs), fname + "_evts" if evts else "NULL", len(evts)))
print("};\n")
print("const struct scmi_proto_desc *scmi_proto_desc_at(size_t index)\n{\n"
      "\treturn index < sizeof(protos) / sizeof(protos[0]) ? &protos[index] : NULL;\n}")
