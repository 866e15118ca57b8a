/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test registry (test_registry.c): Base plus dummy protocols 0x11-0x19,
 * 0x80, 0x81, 0xff, each with message 0 (VERSION, replies DUMMY_VERSION),
 * 1 (variable size up to 11 bytes, replies the request size and its bytes) and 3 (writes far
 * more than fits); and 0xfe, whose table has holes: 0 and 4 (VERSION), 2 (PROTOCOL_MESSAGE_
 * ATTRIBUTES), nothing at 1 and 3.
 */
#ifndef TEST_REGISTRY_H
#define TEST_REGISTRY_H

#define DUMMY_VERSION 0x00030002u

#endif /* TEST_REGISTRY_H */
