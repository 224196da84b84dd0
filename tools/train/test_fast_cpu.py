"""The fast training substitutes compute what torchvision's modules compute, with the same state_dict."""

import os
import sys
import unittest

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fast_cpu import ConvLinear, ShuffleConvTranspose2x2, use_fast_heads  # noqa: E402
from model import DEFAULT_CONFIG, build_model  # noqa: E402


def output_and_grads(module, x):
    """The module's output on x and the gradients of sum(out²) w.r.t. x, its weight and its bias."""
    x = x.clone().requires_grad_(True)
    module.zero_grad(set_to_none=True)
    out = module(x)
    out.square().sum().backward()
    return out.detach(), (x.grad, module.weight.grad.clone(), module.bias.grad.clone())


class FastCpuTest(unittest.TestCase):
    def assert_same_function(self, ref, fast, x):
        out_ref, g_ref = output_and_grads(ref, x)
        out, g = output_and_grads(fast, x)
        torch.testing.assert_close(out, out_ref, rtol=1e-5, atol=1e-5)
        for a, b in zip(g, g_ref):  # input, weight, bias
            torch.testing.assert_close(a, b, rtol=1e-4, atol=1e-4)

    def test_conv_linear_matches_linear_and_its_gradients(self):
        torch.manual_seed(0)
        lin = nn.Linear(3 * 4 * 4, 10)
        self.assert_same_function(lin, ConvLinear(lin, (3, 4, 4)), torch.randn(5, 48))

    def test_conv_linear_rejects_a_wrong_shape(self):
        with self.assertRaisesRegex(ValueError, 'in_shape'):
            ConvLinear(nn.Linear(48, 10), (3, 4, 5))

    def test_shuffle_conv_transpose_matches_conv_transpose(self):
        torch.manual_seed(1)
        ct = nn.ConvTranspose2d(6, 5, 2, stride=2)
        self.assert_same_function(ct, ShuffleConvTranspose2x2(ct), torch.randn(3, 6, 7, 7))

    def test_shuffle_rejects_other_kernels(self):
        with self.assertRaisesRegex(ValueError, 'kernel 2'):
            ShuffleConvTranspose2x2(nn.ConvTranspose2d(4, 4, 3, stride=2))

    def test_whole_model_keeps_its_state_dict_and_outputs(self):
        torch.manual_seed(2)
        ref = build_model(DEFAULT_CONFIG).eval()
        fast = use_fast_heads(build_model(DEFAULT_CONFIG), DEFAULT_CONFIG).eval()
        fast.load_state_dict(ref.state_dict())
        self.assertEqual(list(fast.state_dict().keys()), list(ref.state_dict().keys()))
        # Make the untrained heads score something so the comparison has detections to compare.
        for m in (ref, fast):
            m.roi_heads.score_thresh = 0.0
        img = torch.rand(3, 128, 128)
        with torch.no_grad():
            a, b = ref([img])[0], fast([img])[0]
        self.assertGreater(len(a['scores']), 0)
        torch.testing.assert_close(b['boxes'], a['boxes'], rtol=1e-4, atol=1e-3)
        torch.testing.assert_close(b['scores'], a['scores'], rtol=1e-4, atol=1e-5)
        torch.testing.assert_close(b['masks'], a['masks'], rtol=1e-4, atol=1e-5)


if __name__ == '__main__':
    unittest.main()
