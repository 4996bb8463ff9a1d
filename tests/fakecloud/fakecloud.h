#pragma once
// Placeholder: the fake cloud is built under issue 2.
namespace fake {
class FakeCloud;
}
