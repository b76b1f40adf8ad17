"""그림과 대화형 요소(scripts/widgets.py)가 함께 쓰는 값.

matplotlib을 불러오지 않는다: 빌드는 페이지의 식을 계산하려고 빌드마다 widgets를 불러온다. 그림 모듈에서
가져오면 matplotlib까지 불러와 빌드마다 약 0.7 s가 더 든다."""

from reference_nn import Neuron

#: 원문의 뉴런: 입력 4개, 출력 1개(뉴런 그림과 뉴런 탐색기의 처음 값)
EXAMPLE = Neuron([0.5, -0.2, 0.1, 0.4], bias=0.1, activation="sigmoid")

#: 출력 0은 옅은 주황, 0.5는 흰색, 1은 옅은 파랑(점의 색과 겹치지 않게 옅게). XOR 그림과 XOR 학습 되감기의 색.
PROB_COLORS = ["#f9c89b", "#ffffff", "#b3bdf0"]
