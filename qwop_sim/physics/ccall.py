"""Calling Chipmunk's C functions from numba-compiled code, by address.

pymunk's cffi module gives the address of every Chipmunk function (``ffi.addressof(lib, name)``).
The intrinsics below call such an address with a fixed C signature, so a numba kernel can step,
read and write many worlds in one compiled call instead of one cffi call per body and field
(about 0.15 us each). The addresses are ordinary int64 arguments, so the kernels stay cacheable
(numba ``cache=True``) across processes whatever the addresses are.

Only what the batch needs: ``void f(void*, double)`` (cpSpaceStep, cpBodySetAngle,
cpBodyUpdatePosition, cpBodySetTorque), ``void f(void*, double, double)`` (cpBodySetPosition:
its ``cpVect`` argument, a struct of two doubles, is passed in two floating-point registers by
the x86-64 System V and AArch64 calling conventions, exactly like two doubles), ``double
f(void*)`` (cpBodyGetAngle, cpBodyGetAngularVelocity), ``void f(void*, void*, void*)``
(cpSpaceEachBody) and a 32-bit store (resetting a pmFloatArray's length). The C functions are
the very ones the cffi calls run, so the floats are the same (tests/qwop_sim/test_batch.py).
"""
from __future__ import annotations

import platform

from llvmlite import ir
from numba.core import types
from numba.extending import intrinsic

from pymunk._chipmunk_cffi import ffi, lib

# the cpVect-as-two-doubles rule holds for these two ABIs (checked by the tests on this machine)
SUPPORTED = platform.machine().lower() in ("x86_64", "amd64", "aarch64", "arm64")

_VOIDP = ir.IntType(8).as_pointer()
_D = ir.DoubleType()


def address(name: str) -> int:
    """The address of Chipmunk (or pymunk extension) function ``name``."""
    return int(ffi.cast("uintptr_t", ffi.addressof(lib, name)))


def pointer(cdata) -> int:
    """A cffi pointer as an int."""
    return int(ffi.cast("uintptr_t", cdata))


@intrinsic
def call_p_d(typingctx, fn, p, d):
    """void fn(void *p, double d)"""
    sig = types.void(types.int64, types.int64, types.float64)

    def codegen(context, builder, signature, args):
        fnty = ir.FunctionType(ir.VoidType(), [_VOIDP, _D])
        f = builder.inttoptr(args[0], fnty.as_pointer())
        builder.call(f, [builder.inttoptr(args[1], _VOIDP), args[2]])
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def call_p_dd(typingctx, fn, p, d0, d1):
    """void fn(void *p, double d0, double d1) (also: void fn(void *p, cpVect v))"""
    sig = types.void(types.int64, types.int64, types.float64, types.float64)

    def codegen(context, builder, signature, args):
        fnty = ir.FunctionType(ir.VoidType(), [_VOIDP, _D, _D])
        f = builder.inttoptr(args[0], fnty.as_pointer())
        builder.call(f, [builder.inttoptr(args[1], _VOIDP), args[2], args[3]])
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def call_d_p(typingctx, fn, p):
    """double fn(void *p)"""
    sig = types.float64(types.int64, types.int64)

    def codegen(context, builder, signature, args):
        fnty = ir.FunctionType(_D, [_VOIDP])
        f = builder.inttoptr(args[0], fnty.as_pointer())
        return builder.call(f, [builder.inttoptr(args[1], _VOIDP)])

    return sig, codegen


@intrinsic
def call_p_p_p(typingctx, fn, p0, p1, p2):
    """void fn(void *p0, void *p1, void *p2)"""
    sig = types.void(types.int64, types.int64, types.int64, types.int64)

    def codegen(context, builder, signature, args):
        fnty = ir.FunctionType(ir.VoidType(), [_VOIDP, _VOIDP, _VOIDP])
        f = builder.inttoptr(args[0], fnty.as_pointer())
        builder.call(f, [builder.inttoptr(a, _VOIDP) for a in args[1:]])
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def store_i32(typingctx, p, v):
    """*(int32_t *)p = v"""
    sig = types.void(types.int64, types.int32)

    def codegen(context, builder, signature, args):
        ptr = builder.inttoptr(args[0], ir.IntType(32).as_pointer())
        builder.store(args[1], ptr)
        return context.get_dummy_value()

    return sig, codegen


@intrinsic
def load_i64(typingctx, p):
    """*(int64_t *)p"""
    sig = types.int64(types.int64)

    def codegen(context, builder, signature, args):
        return builder.load(builder.inttoptr(args[0], ir.IntType(64).as_pointer()))

    return sig, codegen


@intrinsic
def store_i64(typingctx, p, v):
    """*(int64_t *)p = v"""
    sig = types.void(types.int64, types.int64)

    def codegen(context, builder, signature, args):
        builder.store(args[1], builder.inttoptr(args[0], ir.IntType(64).as_pointer()))
        return context.get_dummy_value()

    return sig, codegen
